/**
 * The real-shaped case of bench:search: examples/orders-service (TypeScript 4.9, lodash, dayjs,
 * vitest; dependencies installed on the host from the npm registry and carried in with
 * copyIgnored) migrated from console.* to its logger on Docker, in two arms:
 *   - as shipped (examples/specs/orders-console-to-logger.yml): its rules are deterministic (one
 *     fix each), so a node may take every site at once;
 *   - with a choice: each rule also offers a second fix that breaks the types (as a careless rule
 *     or model would), so there is no every-site hypothesis and the search goes batch by batch,
 *     where the same edits reached in another order are merged into one node.
 * Per arm: hypotheses generated per site migrated, wall seconds per site migrated, duplicate
 * states merged.
 */
import { readFile, writeFile } from "node:fs/promises";
import { createEngine } from "../../core/engine/index.ts";
import { makeOrdersServiceRepo, ordersSpecPath } from "../../core/engine/testing/orders-service-repo.ts";
import type { SandboxDriver } from "../../core/sandbox/index.ts";
import { mergedStatesKey } from "../../core/search/record-children.ts";
import type { Store } from "../../core/store/index.ts";
import { getSessionSetting, getTree } from "../../core/store/index.ts";

/** What one arm measured. */
export interface RealCaseResult {
  readonly arm: string;
  readonly solved: boolean;
  readonly sitesMigrated: number;
  readonly hypotheses: number;
  readonly wallSeconds: number;
  readonly merged: number;
  readonly nodes: number;
}

/** Runs both arms (see the module comment) and prints a line per arm. */
export async function realRepositoryCase(options: { driver: SandboxDriver; store: Store; prefix: string; specDir: string }): Promise<RealCaseResult[]> {
  const repo = await makeOrdersServiceRepo();
  try {
    const shipped = await readFile(ordersSpecPath, "utf8");
    const withChoice = shipped.replace(/\n {8}fix: (logger\.\w+)\(\$\$\$ARGS\)\n/g, (_, call: string) => `\n        fixes:\n          - { id: same-arguments, template: "${call}($$$ARGS)" }\n          - { id: as-fields, template: "${call}({ args: [$$$ARGS] })" }\n`);
    if (withChoice === shipped) throw new Error("the shipped spec no longer has the rules this benchmark rewrites");
    const results: RealCaseResult[] = [];
    for (const [arm, text] of [["as shipped (deterministic rules)", shipped], ["with a choice (batch by batch)", withChoice]] as const) {
      const specPath = `${options.specDir}/orders-${results.length}.yml`;
      await writeFile(specPath, text.replace(/wallMinutes: \d+/, "wallMinutes: 30"));
      const engine = createEngine({ store: options.store, sandbox: { kind: "docker", driver: options.driver }, labelPrefix: `${options.prefix}-real${results.length}`, env: {} });
      try {
        const started = performance.now();
        const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
        const done = await engine.settled(session.id);
        const wallSeconds = (performance.now() - started) / 1000;
        const failure = engine.failure(session.id);
        if (failure) throw new Error(`${arm}: ${failure.message}`);
        const nodes = Object.values(getTree(options.store, session.id).nodes);
        const root = nodes.find((node) => node.depth === 0)!;
        const scored = nodes.filter((node) => node.state === "scored" && node.score);
        const left = Math.min(...scored.map((node) => node.score!.sitesLeft));
        const hypotheses = nodes.filter((node) => node.depth > 0).reduce((sum, node) => sum + node.votes, 0);
        const merged = Number(getSessionSetting(options.store, session.id, mergedStatesKey) ?? 0);
        const result: RealCaseResult = { arm, solved: (done.reason ?? "").startsWith("solution"), sitesMigrated: (root.score?.sitesLeft ?? 0) - left, hypotheses, wallSeconds, merged, nodes: nodes.length };
        console.log(
          `orders-service, ${arm}: ${result.solved ? "solved" : `not solved (${done.reason ?? done.status})`}, ${result.sitesMigrated} sites migrated, ${hypotheses} hypotheses in ${nodes.length - 1} nodes, ${merged} duplicate states merged, ${Math.round(wallSeconds)} s`,
        );
        results.push(result);
      } finally {
        await engine.close();
      }
    }
    return results;
  } finally {
    await repo.remove();
  }
}
