/**
 * Benchmark of the search's judging: the same LLM hypotheses (scripted, over a generated
 * TypeScript project) judged twice in one run on Docker, once with the fast tier (the warm
 * type-checker rejects hypotheses that break the types without a container, and answers the
 * spec's `tsc` check for the rest) and once with slow checks only (`tsc --noEmit` in a fork for
 * every hypothesis). Both arms run a second, cheap `smoke` check (standing in for a test suite)
 * in a fork for every hypothesis that passes the type check. Also the output tokens of those
 * hypotheses as edit blocks versus whole-file rewrites of the same changes.
 *   SEARCH_BENCH_FILES (default 60): modules of the project;
 *   SEARCH_BENCH_HYPOTHESES (default 60): hypotheses per run (one expansion of the root: a beam of
 *   3 nodes × 20 samples is the same work per depth, with 3 agent starts instead of 1);
 *   SEARCH_BENCH_BROKEN (default 0.9): the share of them that break the types (LLM samples at a
 *   temperature spread often do; the fast tier exists for them);
 *   SEARCH_BENCH_MODULE_LINES (default 240): each generated module (about 60 lines) is padded
 *   with typed helper functions to about this many lines, a typical source file's size, so the
 *   whole-file replies compare with edit blocks as they would on real code.
 * Then a real-shaped case (bench/search/real-repository.ts; SEARCH_BENCH_REAL=0 skips it): a
 * recipe migration of examples/orders-service, hypotheses and wall time per site migrated, and
 * duplicate states merged.
 * Everything it creates in Docker is removed at the end (and checked).
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createEngine } from "../core/engine/index.ts";
import type { Engine } from "../core/engine/index.ts";
import { compareReplyTokens, editBlocksForChanges } from "../core/generators/index.ts";
import { startScriptedOpenAiServer } from "../core/generators/testing/scripted-openai-server.ts";
import { generateHypotheses } from "../core/fastcheck/testing/generate-hypotheses.ts";
import type { GeneratedHypothesis } from "../core/fastcheck/testing/generate-hypotheses.ts";
import { planTsProject } from "../core/fastcheck/testing/plan-ts-project.ts";
import { renderTsProject, writeTsProject } from "../core/fastcheck/testing/write-ts-project.ts";
import { createDockerSandboxDriver } from "../core/sandbox/index.ts";
import { findLeaks, removeTestResources } from "../core/sandbox/testing/leak-check.ts";
import { getTree, openStore } from "../core/store/index.ts";
import { realRepositoryCase } from "./search/real-repository.ts";

const run = promisify(execFile);
const files = Number(process.env.SEARCH_BENCH_FILES ?? 60);
const count = Number(process.env.SEARCH_BENCH_HYPOTHESES ?? 60);
const brokenShare = Number(process.env.SEARCH_BENCH_BROKEN ?? 0.9);
const moduleLines = Number(process.env.SEARCH_BENCH_MODULE_LINES ?? 240);

/** Typed helper functions appended to a module to bring it to about `moduleLines` lines. */
function padding(text: string): string {
  const missing = moduleLines - text.split("\n").length;
  const helpers = Math.max(0, Math.ceil(missing / 6));
  let out = helpers > 0 ? "\n// Helpers of this module.\n" : "";
  for (let k = 0; k < helpers; k++) {
    out += `/** Scales a value by ${k + 2}, folding it below 100. */\nexport function pad${k}(value: number, factor = ${k + 2}): number {\n  const scaled = value * factor;\n  return scaled > 100 ? scaled - 100 : scaled;\n}\n\n`;
  }
  return out;
}
/** The padding of each module, computed once from its unchanged text so a hypothesis keeps it as it is. */
const paddingOf = new Map<string, string>();
const padded = (file: string, text: string) => text + (paddingOf.get(file) ?? "");

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
/** One headline figure, in the exact `BENCH {...}` form the project's tooling reads. */
const bench = (metric: string, value: number, unit: string) => console.log(`BENCH {"metric": ${JSON.stringify(metric)}, "value": ${round(value)}, "unit": ${JSON.stringify(unit)}}`);

// ---- the project: committed with its typescript, since sandboxes are built from the commit ----
const dir = await mkdtemp(path.join(tmpdir(), "forklift-bench-search-"));
const plan = planTsProject({ files, seed: 7 });
await writeTsProject(dir, plan, { typescript: "copy" });
for (const [file, text] of Object.entries(renderTsProject(plan))) if (file.endsWith(".ts")) paddingOf.set(file, padding(text));
const before = Object.fromEntries(Object.entries(renderTsProject(plan)).map(([file, text]) => [file, padded(file, text)]));
for (const [file, text] of Object.entries(before)) await writeFile(path.join(dir, file), text);
const git = (...args: string[]) => run("git", ["-c", "user.name=Bench", "-c", "user.email=bench@forklift.invalid", "-c", "init.defaultBranch=main", ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
await git("init", "-q");
await git("add", "-f", ".");
await git("commit", "-q", "-m", "generated TypeScript project");

// ---- the hypotheses: `brokenShare` of them break the types ----
// Migration steps edit code in place: whole-module kinds (a reformat of every line, a new module,
// a deletion) are left out, as no migration step is made of them.
const wholeModuleKinds = new Set(["reformat", "new-module", "new-module-broken", "delete-imported", "delete-unused"]);
const pool = generateHypotheses(plan, { count: count * 6, seed: 11 }).filter((h) => !wholeModuleKinds.has(h.kind));
const broken = pool.filter((h) => h.expectsErrors).slice(0, Math.round(count * brokenShare));
const fine = pool.filter((h) => !h.expectsErrors).slice(0, count - broken.length);
const hypotheses: GeneratedHypothesis[] = [...fine, ...broken].map((h) => ({
  ...h,
  changes: Object.fromEntries(Object.entries(h.changes).map(([file, text]) => [file, text === null ? null : padded(file, text)])),
}));
const replies = hypotheses.map((h) => editBlocksForChanges(before, h.changes));
console.log(`project: ${plan.modules.length} modules; ${hypotheses.length} hypotheses, ${hypotheses.filter((h) => h.expectsErrors).length} of them break the types`);

// ---- the spec: one expansion of the root into every hypothesis, judged by tsc ----
const spec = path.join(dir, "..", `${path.basename(dir)}.yml`);
const server = await startScriptedOpenAiServer({
  replies: (request) => {
    const sample = Number(/\(Sample (\d+) of/.exec(request.body?.messages[1]?.content ?? "")?.[1] ?? "0") - 1;
    return { kind: "text", content: replies[sample] ?? "" };
  },
});
await writeFile(
  spec,
  `name: bench-search
goal: Improve the generated modules (benchmark).
targets:
  - id: totals
    language: TypeScript
    rule: { pattern: "export const $V: number = $E" }
checks:
  - name: typecheck
    command: node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json
    parser: tsc
    timeoutSec: 300
  - name: smoke
    command: node -e "require('node:fs').readdirSync('src')"
    parser: exit-code
    timeoutSec: 60
search: { beamWidth: 1, hypothesesPerNode: ${hypotheses.length}, maxDepth: 1, sitesPerStep: 3, patienceDepths: 1 }
budgets: { sandboxesAtOnce: 2, llmCallsAtOnce: 8 }
generators:
  llm: { model: scripted-model, baseUrl: "${server.baseUrl}" }
`,
);

const prefix = `bench-search-${randomBytes(3).toString("hex")}`;
const driver = await createDockerSandboxDriver();
const storeDir = await mkdtemp(path.join(tmpdir(), "forklift-bench-store-"));
const store = openStore(path.join(storeDir, "store.db"));

/** One run: the session's judging time (from the root's baseline to the end) and what was judged. */
async function judgeAll(fastTier: boolean): Promise<{ judged: number; ms: number; invalid: number; fastRejected: number }> {
  const engine: Engine = createEngine({ store, sandbox: { kind: "docker", driver }, labelPrefix: `${prefix}-${fastTier ? "fast" : "slow"}`, env: {}, fastTier });
  try {
    let judgingFrom: number | undefined;
    const unsubscribe = engine.events.subscribe((event) => {
      if (event.name === "tree/delta" && event.payload.kind === "node-updated" && event.payload.node.depth === 0 && event.payload.node.state === "scored") judgingFrom ??= performance.now();
    });
    const session = await engine.api["session/start"]({ specPath: spec, repoPath: dir });
    const done = await engine.settled(session.id);
    const ended = performance.now();
    unsubscribe();
    const failure = engine.failure(session.id);
    if (failure) throw new Error(`${fastTier ? "fast" : "slow"} run failed: ${failure.message}`);
    const children = Object.values(getTree(store, session.id).nodes).filter((node) => node.depth === 1);
    const judged = children.filter((node) => node.state === "scored" || node.state === "invalid");
    const votes = children.reduce((sum, node) => sum + node.votes, 0);
    console.log(`${fastTier ? "fast tier + slow checks" : "slow checks only    "}: ${judged.length} judged (${children.filter((n) => n.state === "invalid").length} invalid) in ${round((ended - (judgingFrom ?? ended)) / 1000)} s (${votes} hypotheses, identical ones merged by votes); session ${done.status}: ${done.reason ?? ""}`);
    return {
      judged: judged.length,
      ms: ended - (judgingFrom ?? ended),
      invalid: children.filter((node) => node.state === "invalid").length,
      fastRejected: children.filter((node) => node.checks.some((check) => check.name === "typecheck:fast" && check.status === "failed")).length,
    };
  } finally {
    await engine.close();
  }
}

try {
  const slow = await judgeAll(false);
  const fast = await judgeAll(true);
  console.log(`fast tier rejected ${fast.fastRejected} hypotheses without a container; slow checks judged the other ${fast.judged - fast.fastRejected}`);
  const perMinute = (result: { judged: number; ms: number }) => (result.judged / result.ms) * 60_000;

  let blocks = 0;
  let whole = 0;
  hypotheses.forEach((h, i) => {
    const comparison = compareReplyTokens(before, h.changes, { editReply: replies[i] ?? "" });
    blocks += comparison.editBlockTokens;
    whole += comparison.wholeFileTokens;
  });
  const chatTokens = server.chatRequests().length;
  console.log(`replies: ${hypotheses.length} per run, ${chatTokens} chat requests served in total`);

  store.close();
  const left = await findLeaks(driver.client, prefix);
  if (left.length > 0) {
    await removeTestResources(driver.client, prefix);
    throw new Error(`the benchmark left ${left.length} Docker resource(s) behind`);
  }
  bench("judged_per_min_fast", perMinute(fast), "per_min");
  bench("judged_per_min_slow", perMinute(slow), "per_min");
  bench("judged_ratio_fast_vs_slow", perMinute(fast) / perMinute(slow), "ratio");
  bench("output_tokens_blocks", blocks / hypotheses.length, "tokens_per_hypothesis");
  bench("output_tokens_whole", whole / hypotheses.length, "tokens_per_hypothesis");
  bench("output_token_ratio_whole_vs_blocks", whole / blocks, "ratio");

  if (process.env.SEARCH_BENCH_REAL !== "0") {
    const realStore = openStore(path.join(storeDir, "real.db"));
    try {
      const [shipped, choice] = await realRepositoryCase({ driver, store: realStore, prefix, specDir: storeDir });
      for (const arm of [shipped!, choice!]) {
        if (arm.sitesMigrated === 0) throw new Error(`orders-service, ${arm.arm}: no site migrated`);
      }
      bench("hypotheses_per_site", shipped!.hypotheses / shipped!.sitesMigrated, "hypotheses_per_site");
      bench("wall_s_per_site", shipped!.wallSeconds / shipped!.sitesMigrated, "s_per_site");
      bench("hypotheses_per_site_batches", choice!.hypotheses / choice!.sitesMigrated, "hypotheses_per_site");
      bench("wall_s_per_site_batches", choice!.wallSeconds / choice!.sitesMigrated, "s_per_site");
      bench("duplicate_states_merged", shipped!.merged + choice!.merged, "states");
    } finally {
      realStore.close();
    }
    const leftReal = await findLeaks(driver.client, prefix);
    if (leftReal.length > 0) throw new Error(`the real-repository case left ${leftReal.length} Docker resource(s) behind`);
  }
} finally {
  await server.close();
  await driver.dispose();
  await removeTestResources(driver.client, prefix).catch(() => 0);
  await rm(dir, { recursive: true, force: true });
  await rm(spec, { force: true });
  await rm(storeDir, { recursive: true, force: true });
}
