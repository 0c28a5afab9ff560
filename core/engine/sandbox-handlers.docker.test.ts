// sandbox/list, sandbox/gc and system/status on the real Docker daemon: a session's checkpoint and an
// orphan fork are listed with their labels and sizes; gc previews, then removes only what no live
// session needs, under this test's label prefix (other runs on the daemon are never touched).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GcReportSchema, SandboxListingSchema } from "../../shared/protocol/sandbox-listing.ts";
import { baseImageName, storeLabels } from "../sandbox/index.ts";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { useDriver } from "../sandbox/testing/test-session.ts";
import { getTree, openStore, storeId, updateSession } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { recipeGenerators, writeSampleSpec } from "./testing/sample-spec.ts";

const { driver, session } = useDriver("engine-sandboxes");

let repo: TempRepo;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;
let prefix: string;

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
  store = openStore(temp.file());
  prefix = session("studio");
  engine = createEngine({ store, sandbox: { kind: "docker", driver: driver() }, labelPrefix: prefix, env: {} });
});

afterEach(async () => {
  await engine.close();
  store.close();
  temp.remove();
  await repo.remove();
});

/** Resolves once the session's root has its checkpoint image. */
function rootCheckpointed(): Promise<void> {
  return new Promise((resolve) => {
    const stop = engine.events.subscribe((event) => {
      if (event.name === "tree/delta" && event.payload.kind === "node-updated" && event.payload.node.depth === 0 && event.payload.node.checkpointImageId) {
        stop();
        resolve();
      }
    });
  });
}

describe("system/status on a running daemon", () => {
  it("says Docker is ready with its version, and the base image is present, without creating a container", async () => {
    const before = await driver().inventory();
    const status = await engine.api["system/status"]({});
    expect(status.docker).toMatchObject({ state: "ready", endpoint: driver().endpoint, version: expect.stringMatching(/^\d+\.\d+/) });
    expect(status.baseImage).toEqual({ name: baseImageName, state: "present" });
    expect((await driver().inventory()).containers.length).toBe(before.containers.length);
  });
});

describe("sandbox/list and sandbox/gc", () => {
  it("lists checkpoints and containers by session and node with their sizes, previews gc, and removes only what no live session needs", async () => {
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 3 });
    const checkpointed = rootCheckpointed();
    const started = await engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["recipe"] });
    await checkpointed;
    expect((await engine.api["session/pause"]({ sessionId: started.id })).status).toBe("paused");
    const root = Object.values(getTree(store, started.id).nodes).find((node) => node.depth === 0)!;
    const rootImage = root.checkpointImageId!;

    // an orphan: a checkpoint and a running fork of this store, under this engine's prefix, that no session of the store owns
    const orphanLabel = `${prefix}-orphan`;
    const orphan = await driver().createCheckpoint({ session: orphanLabel, node: "n1", repoPath: repo.path, image: baseImageName, labels: storeLabels(storeId(store), store.path) });
    const fork = await driver().fork(orphan, { node: "n2" });

    const listing = await engine.api["sandbox/list"]({});
    expect(SandboxListingSchema.parse(listing)).toEqual(listing);
    const rootEntry = listing.checkpoints.find((entry) => entry.imageId === rootImage);
    expect(rootEntry).toMatchObject({ sessionId: started.id, nodeId: root.id, live: true });
    // a checkpoint's own layer holds the copied repository: more than nothing, far less than the base image
    expect(rootEntry!.sizeBytes).toBeGreaterThan(0);
    expect(rootEntry!.sizeBytes).toBeLessThan(50_000_000);
    expect(listing.checkpoints.find((entry) => entry.imageId === orphan.id)).toMatchObject({ sessionId: orphanLabel, nodeId: "n1", live: false });
    expect(listing.containers.find((entry) => entry.containerId === fork.id)).toMatchObject({ sessionId: orphanLabel, nodeId: "n2", role: "fork", state: "running", live: false });
    expect(listing.diskBytes).toBe([...listing.checkpoints, ...listing.containers].reduce((sum, entry) => sum + (entry.sizeBytes ?? 0), 0));
    // nothing of other runs on the daemon: only this engine's prefix
    expect([...listing.checkpoints, ...listing.containers].every((entry) => entry.sessionId === started.id || entry.sessionId?.startsWith(prefix))).toBe(true);
    const ofSession = await engine.api["sandbox/list"]({ sessionId: started.id });
    expect(ofSession.containers.every((entry) => entry.sessionId === started.id)).toBe(true);
    expect(ofSession.checkpoints.map((entry) => entry.imageId)).toContain(rootImage);
    expect(ofSession.checkpoints.map((entry) => entry.imageId)).not.toContain(orphan.id);

    const preview = await engine.api["sandbox/gc"]({ dryRun: true });
    expect(GcReportSchema.parse(preview)).toEqual(preview);
    expect(preview).toMatchObject({ dryRun: true, failed: [] });
    expect(preview.containers).toEqual([{ id: fork.id, sessionId: orphanLabel, nodeId: "n2" }]);
    expect(preview.images).toEqual([{ id: orphan.id, sessionId: orphanLabel, nodeId: "n1", sizeBytes: expect.any(Number) }]);
    expect(preview.reclaimedBytes).toBeGreaterThan(0);
    expect((await engine.api["sandbox/list"]({})).checkpoints.map((entry) => entry.imageId)).toContain(orphan.id); // a preview removes nothing

    const collected = await engine.api["sandbox/gc"]({ dryRun: false });
    expect(collected).toMatchObject({ dryRun: false, containers: preview.containers, images: preview.images, failed: [] });
    const inventory = await driver().inventory();
    expect(inventory.containers.map((container) => container.id)).not.toContain(fork.id);
    expect(inventory.images.map((image) => image.id)).not.toContain(orphan.id);
    expect(inventory.images.map((image) => image.id)).toContain(rootImage); // the paused session's checkpoint stays

    // once the session is over, its checkpoint is garbage too, and the store forgets it
    updateSession(store, started.id, { status: "stopped", reason: "test" });
    const last = await engine.api["sandbox/gc"]({ dryRun: false });
    expect(last.images.map((image) => image.id)).toContain(rootImage);
    expect(getTree(store, started.id).nodes[root.id]?.checkpointImageId).toBeUndefined();
    expect((await engine.api["sandbox/list"]({})).checkpoints).toEqual([]);
  });
});
