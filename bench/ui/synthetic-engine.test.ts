import { describe, expect, it } from "vitest";
import { createInProcessTransportPair } from "../../shared/protocol/wire.ts";
import { createRpcClient } from "../../shared/protocol/rpc-client.ts";
import { serveRpc } from "../../shared/protocol/serve-rpc.ts";
import { syntheticBeamTree, syntheticGrowth } from "../../renderer/src/tree/testing/synthetic-beam-tree.ts";
import { createSyntheticEngine } from "./synthetic-engine.ts";
import { framesPerSecond } from "./page-probes.ts";

describe("the UI benchmark's synthetic engine", () => {
  it("answers what the studio asks when it opens a session, through the real serveRpc and its validation", async () => {
    const tree = syntheticBeamTree({ nodes: 300, seed: 5 });
    const engine = createSyntheticEngine(tree);
    const [client, server] = createInProcessTransportPair();
    serveRpc(server, engine.api, engine.events);
    const rpc = createRpcClient(client);
    expect((await rpc.call("session/list", {})).map((session) => session.id)).toEqual([tree.session.id]);
    expect(Object.keys((await rpc.call("tree/get", { sessionId: tree.session.id })).nodes)).toHaveLength(Object.keys(tree.nodes).length);
    const deep = Object.values(tree.nodes).find((node) => node.depth === 3)!;
    const diff = await rpc.call("node/diff", { nodeId: deep.id, against: "parent" });
    expect(diff.files.map((file) => file.path)).toEqual(["src/orders/service.ts", "src/cart/total.ts"]);
    expect(diff.files[0]!.before).not.toBe(diff.files[0]!.after);
    await expect(rpc.call("node/prune", { nodeId: deep.id })).rejects.toMatchObject({ code: "invalid-input" });
    await expect(rpc.call("node/diff", { nodeId: "missing", against: "root" })).rejects.toMatchObject({ code: "not-found" });
  });

  it("pushes the deltas it is given to subscribers and keeps its tree in step", async () => {
    const tree = syntheticBeamTree({ nodes: 300, seed: 5 });
    const engine = createSyntheticEngine(tree);
    const [client, server] = createInProcessTransportPair();
    serveRpc(server, engine.api, engine.events);
    const rpc = createRpcClient(client);
    const seen: number[] = [];
    rpc.on("tree/delta", (delta) => seen.push(delta.seq));
    const deltas = syntheticGrowth(tree, 40, 9);
    engine.emit(deltas.map((payload) => ({ name: "tree/delta", payload })));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual(deltas.map((delta) => delta.seq));
    expect(engine.tree().seq).toBe(deltas.at(-1)!.seq);
  });
});

describe("framesPerSecond", () => {
  it("counts the frames inside a window over the window's length, and the longest frame interval in it", () => {
    const frames = [0, 16, 33, 50, 300, 316, 333];
    expect(framesPerSecond(frames, 0, 1000)).toEqual({ fps: 7, worstFrameMs: 250, frames: 7 });
    expect(framesPerSecond(frames, 100, 350).frames).toBe(3);
  });
});
