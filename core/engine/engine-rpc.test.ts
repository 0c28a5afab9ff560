// The engine served over the protocol (what the studio will sit on): calls validated and answered
// through a transport, errors as coded values, tree deltas and progress pushed as events.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyTreeDelta } from "../../shared/domain/apply-tree-delta.ts";
import type { Tree } from "../../shared/domain/tree.ts";
import { createRpcClient } from "../../shared/protocol/rpc-client.ts";
import type { RpcClient } from "../../shared/protocol/rpc-client.ts";
import { serveRpc } from "../../shared/protocol/serve-rpc.ts";
import { createInProcessTransportPair } from "../../shared/protocol/wire.ts";
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
let client: RpcClient;
let stop: () => void;

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
  store = openStore(temp.file());
  engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
  const [clientSide, serverSide] = createInProcessTransportPair();
  stop = serveRpc(serverSide, engine.api, engine.events);
  client = createRpcClient(clientSide);
});

afterEach(async () => {
  client.close();
  stop();
  await engine.close();
  store.close();
  temp.remove();
  await repo.remove();
});

describe("the engine over the protocol", () => {
  it("runs a session a client starts, and the client's tree built from deltas matches tree/get", async () => {
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 2 });
    let tree: Tree | undefined;
    const progress: number[] = [];
    const pending: Parameters<typeof applyTreeDelta>[1][] = [];
    client.on("tree/delta", (delta) => (tree ? (tree = applyTreeDelta(tree, delta)) : pending.push(delta)));
    client.on("progress", (event) => progress.push(event.sitesLeft));
    const session = await client.call("session/start", { specPath, repoPath: repo.path });
    tree = await client.call("tree/get", { sessionId: session.id });
    for (const delta of pending) tree = applyTreeDelta(tree, delta);
    await engine.settled(session.id);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the last events cross the wire
    const final = await client.call("tree/get", { sessionId: session.id });
    expect(tree.nodes).toEqual(final.nodes);
    expect(tree.session.status).toBe("done");
    expect(progress.length).toBeGreaterThan(0);
    await expect(client.call("node/pin", { nodeId: "nope" })).rejects.toMatchObject({ code: "not-found" });
    await expect(client.call("session/start", { specPath, repoPath: repo.path, generators: [] })).rejects.toMatchObject({ code: "invalid-input" });
  }, 60_000);
});
