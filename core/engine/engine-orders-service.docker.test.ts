// End to end on Docker, on a realistic repository: examples/orders-service (TypeScript, lodash,
// dayjs, vitest) with its dependencies installed on the host from the npm registry, migrated
// from console.* to its logger by examples/specs/orders-console-to-logger.yml, twice side by side:
// on its own TypeScript 4.9 and on this project's 5.x. copyIgnored brings node_modules in (no
// container has a network), the targets' ignores keep scripts/ and tests out, the fast tier runs
// on both compilers, the exported patch applies and its tests pass, the store holds the check
// outputs, and the rewrite keeps the code's layout (a multi-line template string untouched).
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDockerSandboxDriver } from "../sandbox/index.ts";
import type { DockerSandboxDriver } from "../sandbox/index.ts";
import { findLeaks } from "../sandbox/testing/leak-check.ts";
import { startRecordingRelay } from "../sandbox/testing/recording-relay.ts";
import type { RecordingRelay } from "../sandbox/testing/recording-relay.ts";
import { runPrefix } from "../sandbox/testing/test-session.ts";
import { getCheckDetails, getTree, openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { makeOrdersServiceRepo, ordersSpecPath } from "./testing/orders-service-repo.ts";
import type { OrdersServiceRepo } from "./testing/orders-service-repo.ts";

const run = promisify(execFile);
const label = `${runPrefix()}-orders`;
let relay: RecordingRelay;
let driver: DockerSandboxDriver;
let ts49: OrdersServiceRepo;
let ts5: OrdersServiceRepo;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;
const logs: string[] = [];

beforeAll(async () => {
  relay = await startRecordingRelay();
  driver = await createDockerSandboxDriver({ env: { ...process.env, DOCKER_HOST: relay.dockerHost } });
  ts49 = await makeOrdersServiceRepo();
  ts5 = await makeOrdersServiceRepo({ typescript: "project", installedFrom: ts49 });
  temp = tempStoreDir();
  store = openStore(temp.file());
  engine = createEngine({ store, sandbox: { kind: "docker", driver }, labelPrefix: label, env: {} });
  engine.events.subscribe((event) => {
    if (event.name === "log") logs.push(`${event.payload.sessionId ?? ""} ${event.payload.level} ${event.payload.message}`);
  });
}, 600_000);

afterAll(async () => {
  await engine?.close();
  store?.close();
  temp?.remove();
  await driver?.dispose();
  await relay?.close();
  await ts49?.remove();
  await ts5?.remove();
});

/** Applies the exported patch to a fresh clone of the original repository (its node_modules linked in) and runs its tests there. */
async function applyAndTest(repo: OrdersServiceRepo, nodeId: string): Promise<string> {
  const { patch } = await engine.api["node/export"]({ nodeId });
  const clone = await mkdtemp(path.join(tmpdir(), "forklift-orders-applied-"));
  try {
    await run("git", ["clone", "-q", repo.path, clone]);
    await writeFile(path.join(clone, "migration.patch"), patch);
    await run("git", ["apply", "migration.patch"], { cwd: clone });
    await symlink(path.join(repo.path, "node_modules"), path.join(clone, "node_modules"), "dir");
    await run("node", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.json"], { cwd: clone });
    await run("node", ["node_modules/vitest/vitest.mjs", "run"], { cwd: clone, timeout: 180_000 }); // throws on a failing test
    return await readFile(path.join(clone, "src/report.ts"), "utf8");
  } finally {
    await rm(clone, { recursive: true, force: true });
  }
}

describe("orders-service on Docker (TypeScript 4.9 and 5.x side by side)", () => {
  it("migrates both to a solution whose patch applies and passes the tests, without network", async () => {
    const sessions = await Promise.all([ts49, ts5].map((repo) => engine.api["session/start"]({ specPath: ordersSpecPath, repoPath: repo.path })));
    const done = await Promise.all(sessions.map((session) => engine.settled(session.id)));
    for (const [index, session] of sessions.entries()) {
      expect(engine.failure(session.id)).toBeUndefined();
      expect(done[index]!.reason).toMatch(/^solution: node /);
    }
    const versions = ["4.9.5", (JSON.parse(await readFile(path.join(ts5.path, "node_modules/typescript/package.json"), "utf8")) as { version: string }).version];
    expect(versions[1]).toMatch(/^5\./);

    for (const [index, session] of sessions.entries()) {
      const repo = index === 0 ? ts49 : ts5;
      const said = logs.filter((line) => line.startsWith(session.id));
      // dependencies from the host's working tree, before setup
      expect(said.some((line) => /root checkpoint: copying-ignored node_modules: \d{4,} files/.test(line))).toBe(true);
      // the fast tier on the repository's own compiler
      expect(said.some((line) => line.includes(`fast tier ready: the repository's TypeScript ${versions[index]}`))).toBe(true);
      expect(said.some((line) => line.includes("fast tier unavailable"))).toBe(false);

      const tree = getTree(store, session.id);
      const nodes = Object.values(tree.nodes);
      const root = nodes.find((node) => node.depth === 0)!;
      // 13 calls in src/; scripts/ and the tests are left out by the targets' ignores
      expect(root.score?.sitesLeft).toBe(13);
      const solution = tree.nodes[done[index]!.reason!.replace("solution: node ", "")]!;
      expect(solution.checks.map((check) => `${check.name} ${check.status}`)).toEqual(["typecheck:fast passed", "types skipped", "tests passed", "format passed"]);

      // the store keeps each check run in full: the logging test the migration fixes, the output
      const tests = getCheckDetails(store, solution.id).find((check) => check.summary.name === "tests")!;
      expect(tests.fixedFailures).toEqual([expect.stringContaining("logs placed orders through the structured logger")]);
      expect(tests.command).toBe("node node_modules/vitest/vitest.mjs run --reporter=json");
      expect(tests.output).toContain('"numFailedTests":0');

      const report = await applyAndTest(repo, solution.id);
      // captured code kept byte for byte: the multi-line template string of the report
      expect(report).toContain("  logger.info(`Report for ${dayjs(day).format(\"YYYY-MM-DD\")}:\n  ${placed.length} order(s) placed,\n  ${orders.length - placed.length} cancelled.`);");
      const seed = await readFile(path.join(repo.path, "scripts/seed.ts"), "utf8");
      expect(seed).toContain("console.log("); // ignored by the targets, untouched (the repository itself never changes)
    }

    // no container had a network, and every one had the spec's limits
    const creates = relay.requests.filter((request) => request.method === "POST" && /\/containers\/create(\?|$)/.test(request.path));
    expect(creates.length).toBeGreaterThan(6);
    for (const request of creates) {
      expect((request.body as { HostConfig: object }).HostConfig).toMatchObject({ NetworkMode: "none", Memory: 1536 * 1024 ** 2, PidsLimit: 512 });
    }
    expect(await findLeaks(driver.client, label)).toEqual([]);
  }, 900_000);
});
