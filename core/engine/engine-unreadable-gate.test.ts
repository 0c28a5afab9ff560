// A gate whose output cannot be read at the root (a tsc printing something else, a crash) would
// let every hypothesis through as "no new errors": the session stops at the baseline instead,
// saying what to fix, and the root shows the check as an error.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { getTree, openStore } from "../store/index.ts";
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

describe("a gate that cannot read its output", () => {
  it("stops the session at the baseline with what to fix; nothing is judged as passing", async () => {
    const checks = `  - { name: types, command: "echo 'Found 3 errors. Watching for file changes.'; exit 2", parser: tsc, timeoutSec: 30 }`;
    const specPath = writeSampleSpec({ generators: recipeGenerators, checks });
    const started = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    const session = await engine.settled(started.id);
    expect(session.status).toBe("failed");
    expect(engine.failure(started.id)).toEqual({
      code: "invalid-spec",
      message:
        "check types: its run at the root left no report (tsc exited 2 without reporting an error): fix its command or parser in the spec (for tsc: --pretty false, and a command that prints tsc's own output), then start a new session",
    });
    const nodes = Object.values(getTree(store, started.id).nodes);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]?.checks).toMatchObject([{ name: "types", status: "error", detail: expect.stringContaining("the baseline run left no report") }]);
  });
});
