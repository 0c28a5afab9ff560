// `forklift gc` is scoped to its store: two stores side by side on one daemon, each with sessions
// of its own. gc of one store removes only its finished session's sandboxes; the other store's
// live session is kept even with --all-stores, and goes only once it is finished there or its
// store is gone. (The label prefix keeps every gc here to this test run's resources.)
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Session } from "../../../shared/domain/session.ts";
import { createEngine } from "../../engine/index.ts";
import type { Engine } from "../../engine/index.ts";
import { makeSampleRepo } from "../../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../../sandbox/testing/sample-repo.ts";
import { findLeaks } from "../../sandbox/testing/leak-check.ts";
import { useDriver } from "../../sandbox/testing/test-session.ts";
import { getTree, openStore, updateSession } from "../../store/index.ts";
import type { Store } from "../../store/index.ts";
import { tempStoreDir } from "../../store/testing/temp-store.ts";
import { runGc } from "./commands/gc.ts";

const specPath = fileURLToPath(new URL("../../../examples/specs/console-to-logger.yml", import.meta.url));
const { driver, session } = useDriver("cli-gc");

interface Side {
  temp: ReturnType<typeof tempStoreDir>;
  store: Store;
  engine: Engine;
}
let repo: TempRepo;
let sides: Side[] = [];

beforeEach(async () => {
  repo = await makeSampleRepo();
  sides = [];
});

afterEach(async () => {
  for (const side of sides) {
    await side.engine.close();
    side.store.close();
    side.temp.remove();
  }
  await repo.remove();
  delete process.env.FORKLIFT_LABEL_PREFIX;
});

function openSide(): Side {
  const temp = tempStoreDir();
  const store = openStore(temp.file());
  const side = { temp, store, engine: createEngine({ store, sandbox: { kind: "docker", driver: driver() }, labelPrefix: session("gc"), env: {} }) };
  sides.push(side);
  return side;
}

/** A session paused once its root checkpoint exists: live, and holding a checkpoint image. */
async function pausedWithCheckpoint(side: Side): Promise<{ session: Session; image: string }> {
  const started = await side.engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["recipe"] });
  await new Promise<void>((resolve) => {
    const stop = side.engine.events.subscribe((event) => {
      if (event.name === "tree/delta" && event.payload.kind === "node-updated" && event.payload.node.depth === 0 && event.payload.node.checkpointImageId) {
        stop();
        resolve();
      }
    });
  });
  const paused = await side.engine.api["session/pause"]({ sessionId: started.id });
  const image = Object.values(getTree(side.store, started.id).nodes).find((node) => node.depth === 0)!.checkpointImageId!;
  return { session: paused, image: image.replace(/^sha256:/, "").slice(0, 12) };
}

describe("forklift gc", () => {
  it("removes its own store's finished sessions' sandboxes and never another store's live session's", async () => {
    const a = openSide();
    const b = openSide();
    const finished = await pausedWithCheckpoint(a);
    // its process ends (the lease goes with it) and leaves it stopped with its sandboxes, as a crash would
    await a.engine.close();
    a.engine = createEngine({ store: a.store, sandbox: { kind: "docker", driver: driver() }, labelPrefix: session("gc"), env: {} });
    updateSession(a.store, finished.session.id, { status: "stopped", reason: "test: left behind by a crash" });
    const live = await pausedWithCheckpoint(a);
    const other = await pausedWithCheckpoint(b);
    process.env.FORKLIFT_LABEL_PREFIX = session("gc");

    const preview = await runGc({ store: a.temp.file(), dryRun: true });
    expect(preview).toContain(`would remove image ${finished.image}: session ${finished.session.id.slice(0, 8)} is stopped in this store`);
    expect(preview).toMatch(new RegExp(`kept image ${live.image}: session ${live.session.id.slice(0, 8)} is paused in this store and run by a live process \\(pid ${process.pid} on `));
    expect(preview).toContain(`kept image ${other.image}: belongs to the store ${b.temp.file()} (gc --all-stores considers it)`);

    // --all-stores asks store b: its session is live there, so it stays
    const everywhere = await runGc({ store: a.temp.file(), dryRun: true, allStores: true });
    expect(everywhere).toMatch(new RegExp(`kept image ${other.image}: session ${other.session.id.slice(0, 8)} is paused in the store ${b.temp.file()} and run by a live process \\(pid `));

    const collected = await runGc({ store: a.temp.file() });
    expect(collected).toContain(`removed image ${finished.image}:`);
    expect(collected).toMatch(/removed \d+ container\(s\) and 1 image\(s\) of the store /);
    expect(await findLeaks(driver().client, session("gc"))).not.toEqual([]);
    expect((await driver().client.api.getImage(other.image).inspect()).Id).toContain(other.image);
    expect((await driver().client.api.getImage(live.image).inspect()).Id).toContain(live.image);
    // the store no longer points at the image that went
    expect(Object.values(getTree(a.store, finished.session.id).nodes).some((node) => node.checkpointImageId !== undefined)).toBe(false);

    // store b's session ends (its process gone): --all-stores offers it; then its store is deleted: still offered
    await b.engine.close();
    updateSession(b.store, other.session.id, { status: "stopped", reason: "test" });
    expect(await runGc({ store: a.temp.file(), dryRun: true, allStores: true })).toContain(`would remove image ${other.image}: session ${other.session.id.slice(0, 8)} is stopped in the store ${b.temp.file()}`);
    b.store.close();
    rmSync(b.temp.file());
    b.store = openStore(b.temp.file("unused.db"));
    b.engine = createEngine({ store: b.store, sandbox: { kind: "docker", driver: driver() }, env: {} });
    expect(await runGc({ store: a.temp.file(), allStores: true })).toContain(`removed image ${other.image}: its store ${b.temp.file()} is gone`);

    await a.engine.api["session/stop"]({ sessionId: live.session.id }); // frees its sandboxes
    expect(await findLeaks(driver().client, session("gc"))).toEqual([]);
  });
});
