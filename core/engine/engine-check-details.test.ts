// Each check run of a node is kept in full: which failures are new (by name), which are fixed, the
// exit code and the captured output, served by node/checks (and printed by `forklift show`).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { recipeGenerators, writeSampleSpec } from "./testing/sample-spec.ts";

let repo: TempRepo;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
  store = openStore(temp.file());
  engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
});

afterEach(async () => {
  await engine.close();
  store.close();
  temp.remove();
  await repo.remove();
});

describe("node/checks", () => {
  it("gives a failing node's new failures by name, its exit code and captured output", async () => {
    const specPath = writeSampleSpec({ generators: recipeGenerators, maxDepth: 1, beamWidth: 1, hypothesesPerNode: 1 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["recipe"] });
    await engine.settled(session.id);
    const root = Object.values((await engine.api["tree/get"]({ sessionId: session.id })).nodes).find((node) => node.depth === 0)!;
    // a manual edit that breaks tests: every add counts one more
    const broken = await engine.api["node/addManualEdit"]({
      parentId: root.id,
      editBlocks: "src/inventory.js\n```js\n<<<<<<< SEARCH\n    const next = this.count(sku) + quantity;\n=======\n    const next = this.count(sku) + quantity + 1;\n>>>>>>> REPLACE\n```\n",
    });
    await engine.settled(session.id);
    const node = (await engine.api["tree/get"]({ sessionId: session.id })).nodes[broken.id]!;
    expect(node.state).toBe("invalid");
    const { checks } = await engine.api["node/checks"]({ nodeId: broken.id });
    expect(checks.map((check) => `${check.summary.name} ${check.summary.status}`)).toEqual(["syntax passed", "tests failed"]);
    const tests = checks[1]!;
    expect(tests).toMatchObject({ command: "node --test --test-reporter=tap test/", exitCode: 1, fixedFailures: [], outputTruncated: false });
    expect(tests.newFailures).toContain("adds and counts: Expected values to be strictly equal:");
    expect(tests.output).toContain("not ok 1 - adds and counts");
    expect(tests.output).toMatch(/# fail [1-9]/);
  }, 120_000);
});
