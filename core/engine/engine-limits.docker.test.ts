// Every container a session creates honours the spec's limits: the base checkpoint's, the
// baseline's and the hypotheses' forks, the fast tier's, the checkpoints' of expanded nodes and
// the warm pool's. Seen where it counts: in the create requests the Docker daemon received.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDockerSandboxDriver } from "../sandbox/index.ts";
import type { DockerSandboxDriver } from "../sandbox/index.ts";
import { findLeaks } from "../sandbox/testing/leak-check.ts";
import { startRecordingRelay } from "../sandbox/testing/recording-relay.ts";
import type { RecordingRelay } from "../sandbox/testing/recording-relay.ts";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { runPrefix } from "../sandbox/testing/test-session.ts";
import { getTree, openStore } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import { recipeGenerators, writeSampleSpec } from "./testing/sample-spec.ts";

interface CreateBody {
  Labels?: Record<string, string>;
  HostConfig?: { Memory?: number; MemorySwap?: number; NanoCpus?: number; PidsLimit?: number; NetworkMode?: string };
}

let relay: RecordingRelay;
let driver: DockerSandboxDriver;
let repo: TempRepo;
const label = `${runPrefix()}-engine-limits`;

beforeAll(async () => {
  relay = await startRecordingRelay();
  // the driver's own defaults differ from the spec's: only the spec may decide
  driver = await createDockerSandboxDriver({ env: { ...process.env, DOCKER_HOST: relay.dockerHost }, limits: { memoryBytes: 1024 ** 3, cpus: 2, pids: 1024 } });
  repo = await makeSampleRepo();
});

afterAll(async () => {
  await driver?.dispose();
  await relay?.close();
  await repo?.remove();
});

describe("the spec's sandbox limits", () => {
  it("are on every container the session creates", async () => {
    const temp = tempStoreDir();
    const store = openStore(temp.file());
    const spec = writeSampleSpec({ generators: recipeGenerators, sitesPerStep: 1, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 2, sandbox: "  limits: { memory: 1536m, cpus: 0.5, pids: 300 }" });
    const engine = createEngine({ store, sandbox: { kind: "docker", driver }, labelPrefix: label, env: {} });
    try {
      const started = await engine.api["session/start"]({ specPath: spec, repoPath: repo.path, generators: ["recipe"] });
      await engine.settled(started.id);
      expect(engine.failure(started.id)).toBeUndefined();
      // depth 2 was reached: the depth-1 node was checkpointed to expand it
      expect(Math.max(...Object.values(getTree(store, started.id).nodes).map((node) => node.depth))).toBe(2);
    } finally {
      await engine.close();
      store.close();
      temp.remove();
    }
    const creates = relay.requests.filter((request) => request.method === "POST" && /\/containers\/create(\?|$)/.test(request.path)).map((request) => request.body as CreateBody);
    const roles = creates.map((body) => body.Labels?.["forklift.role"]);
    expect(roles.filter((role) => role === "base")).toHaveLength(1);
    expect(roles.filter((role) => role === "fork").length).toBeGreaterThanOrEqual(5); // baseline, fast tier, checks, checkpoint, pool
    for (const body of creates) {
      expect(body.HostConfig).toMatchObject({ Memory: 1536 * 1024 ** 2, MemorySwap: 1536 * 1024 ** 2, NanoCpus: 0.5e9, PidsLimit: 300, NetworkMode: "none" });
    }
    expect(await findLeaks(driver.client, label)).toEqual([]);
  });
});
