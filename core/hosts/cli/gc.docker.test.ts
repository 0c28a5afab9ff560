// `forklift gc` keeps what the store's live sessions need and offers the rest. Dry runs only:
// a real collection would also remove other runs' resources on a shared daemon.
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEngine } from "../../engine/index.ts";
import type { Engine } from "../../engine/index.ts";
import { makeSampleRepo } from "../../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../../sandbox/testing/sample-repo.ts";
import { useDriver } from "../../sandbox/testing/test-session.ts";
import { getTree, openStore, updateSession } from "../../store/index.ts";
import type { Store } from "../../store/index.ts";
import { tempStoreDir } from "../../store/testing/temp-store.ts";
import { runGc } from "./commands/gc.ts";

const specPath = fileURLToPath(new URL("../../../examples/specs/console-to-logger.yml", import.meta.url));
const { driver, session } = useDriver("cli-gc");

let repo: TempRepo;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
  store = openStore(temp.file());
  engine = createEngine({ store, sandbox: { kind: "docker", driver: driver() }, labelPrefix: session("gc"), env: {} });
});

afterEach(async () => {
  await engine.close();
  store.close();
  temp.remove();
  await repo.remove();
  delete process.env.FORKLIFT_LABEL_PREFIX;
});

describe("forklift gc", () => {
  it("keeps a paused session's checkpoints and offers a finished one's", async () => {
    const started = await engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["recipe"] });
    await new Promise<void>((resolve) => {
      const stop = engine.events.subscribe((event) => {
        if (event.name === "tree/delta" && event.payload.kind === "node-updated" && event.payload.node.depth === 0 && event.payload.node.checkpointImageId) {
          stop();
          resolve();
        }
      });
    });
    expect((await engine.api["session/pause"]({ sessionId: started.id })).status).toBe("paused");
    const image = Object.values(getTree(store, started.id).nodes).find((node) => node.depth === 0)!.checkpointImageId!;
    const short = image.replace(/^sha256:/, "").slice(0, 12);
    process.env.FORKLIFT_LABEL_PREFIX = session("gc");

    const paused = await runGc({ store: temp.file(), dryRun: true });
    expect(paused).not.toContain(short);
    expect(paused).toContain("kept the sandboxes of 1 live session(s)");

    updateSession(store, started.id, { status: "stopped", reason: "test" });
    const stopped = await runGc({ store: temp.file(), dryRun: true });
    expect(stopped).toContain(`would remove image ${short}`);

    await engine.api["session/stop"]({ sessionId: started.id }); // frees its sandboxes
  });
});
