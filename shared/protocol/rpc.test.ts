import { describe, expect, it, vi } from "vitest";
import type { Node } from "../domain/node.ts";
import { testNode, testSession, testTree } from "../domain/testing/domain-fixtures.ts";
import { ForkliftError } from "../errors.ts";
import type { EngineApi, EngineEvent } from "./contract.ts";
import { createRpcClient } from "./rpc-client.ts";
import { serveRpc } from "./serve-rpc.ts";
import { createInProcessTransportPair } from "./wire.ts";
import type { WireMessage } from "./wire.ts";

const notUsed = () => Promise.reject(new Error("not used in this test"));

/** An engine stand-in for the transport test: only the methods the test calls do anything. */
function fakeEngine(overrides: Partial<EngineApi>): EngineApi {
  const api: Record<string, unknown> = {};
  for (const method of ["session/start", "session/list", "session/pause", "session/resume", "session/stop", "tree/get", "node/pin", "node/unpin", "node/prune", "node/expand", "node/addManualEdit", "node/diff", "node/export", "node/apply"]) {
    api[method] = overrides[method as keyof EngineApi] ?? notUsed;
  }
  return api as EngineApi;
}

function connect(api: EngineApi, subscribe?: (listener: (event: EngineEvent) => void) => () => void) {
  const [clientSide, serverSide] = createInProcessTransportPair();
  const stop = serveRpc(serverSide, api, subscribe && { subscribe });
  return { client: createRpcClient(clientSide), clientSide, stop };
}

describe("serveRpc and createRpcClient", () => {
  it("carries a call and its validated response", async () => {
    const pinned: Node = testNode("a", "r", { pinned: true });
    const pin = vi.fn(async ({ nodeId }: { nodeId: string }) => ({ ...pinned, id: nodeId }));
    const { client } = connect(fakeEngine({ "node/pin": pin, "tree/get": async () => testTree([testNode("r", undefined)]) }));
    await expect(client.call("node/pin", { nodeId: "a" })).resolves.toEqual(pinned);
    expect((await client.call("tree/get", { sessionId: "s1" })).session).toEqual(testSession());
  });

  it("rejects an invalid request with invalid-input naming the field, without calling the engine", async () => {
    const prune = vi.fn(notUsed);
    const { client } = connect(fakeEngine({ "node/prune": prune }));
    // what a buggy or hostile client could send despite the types
    const error = await client.call("node/prune", { nodeId: 42 } as never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ForkliftError);
    expect(error).toMatchObject({ code: "invalid-input", message: expect.stringMatching(/^node\/prune: nodeId: /) });
    await expect(client.call("node/diff", { nodeId: "a", against: "sideways" } as never)).rejects.toMatchObject({ code: "invalid-input" });
    await expect(client.call("node/prune", { nodeId: "a", extra: 1 } as never)).rejects.toMatchObject({ code: "invalid-input" });
    await expect(client.call("nope/nothing" as never, {} as never)).rejects.toMatchObject({ code: "invalid-input", message: 'unknown method "nope/nothing"' });
    expect(prune).not.toHaveBeenCalled();
  });

  it("sends the engine's errors as coded values, and an invalid engine response as internal", async () => {
    const { client } = connect(
      fakeEngine({
        "session/pause": () => Promise.reject(new ForkliftError("not-found", "no session s9")),
        "node/unpin": async () => ({ broken: true }) as never,
      }),
    );
    await expect(client.call("session/pause", { sessionId: "s9" })).rejects.toMatchObject({ code: "not-found", message: "no session s9" });
    await expect(client.call("node/unpin", { nodeId: "a" })).rejects.toMatchObject({ code: "internal" });
  });

  it("forwards engine events to listeners", async () => {
    let emit: (event: EngineEvent) => void = () => {};
    const { client } = connect(fakeEngine({}), (listener) => {
      emit = listener;
      return () => {};
    });
    const lines: string[] = [];
    client.on("log", (line) => lines.push(line.message));
    emit({ name: "log", payload: { level: "info", message: "checkpoint taken", at: 1 } });
    await vi.waitFor(() => expect(lines).toEqual(["checkpoint taken"]));
  });

  it("sends a burst of events as one frame, in order; a lone event as itself; queued events before a response and on stop", async () => {
    let emit: (event: EngineEvent) => void = () => {};
    const { client, clientSide, stop } = connect(
      fakeEngine({ "node/pin": async ({ nodeId }) => testNode(nodeId, "r") }),
      (listener) => {
        emit = listener;
        return () => {};
      },
    );
    const frames: WireMessage[] = [];
    clientSide.onMessage((message) => frames.push(message));
    const lines: string[] = [];
    client.on("log", (line) => lines.push(line.message));
    const log = (message: string): EngineEvent => ({ name: "log", payload: { level: "info", message, at: 1 } });
    for (let k = 0; k < 300; k++) emit(log(`line ${k}`));
    await vi.waitFor(() => expect(lines).toHaveLength(300));
    expect(lines).toEqual(Array.from({ length: 300 }, (_, k) => `line ${k}`));
    expect(frames.map((frame) => frame.kind)).toEqual(["events"]);
    emit(log("alone"));
    await vi.waitFor(() => expect(lines.at(-1)).toBe("alone"));
    expect(frames.at(-1)).toMatchObject({ kind: "event", name: "log" });
    // an event that happened before a response arrives before it
    const pinned = client.call("node/pin", { nodeId: "a" }).then(() => lines.at(-1));
    emit(log("before the answer"));
    await expect(pinned).resolves.toBe("before the answer");
    // stopping sends what is still queued rather than losing it
    emit(log("last words"));
    stop();
    await vi.waitFor(() => expect(lines.at(-1)).toBe("last words"));
  });

  it("answers only requests, and ignores responses nobody waits for", async () => {
    const { clientSide } = connect(fakeEngine({}));
    const seen: WireMessage[] = [];
    clientSide.onMessage((message) => seen.push(message));
    clientSide.send({ kind: "response", id: 99, ok: true, result: null });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual([]);
  });
});
