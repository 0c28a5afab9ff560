import { describe, expect, it } from "vitest";
import { testNode, testSession } from "../../../shared/domain/testing/domain-fixtures.ts";
import type { EngineApi, EngineEvent } from "../../../shared/protocol/contract.ts";
import { serveRpc } from "../../../shared/protocol/serve-rpc.ts";
import { createInProcessTransportPair } from "../../../shared/protocol/wire.ts";
import { createEngineLink } from "./engine-link.ts";
import type { Dialer, LinkState, LinkTiming } from "./engine-link.ts";

/** A server side that answers session/list and can push events, behind a dialer whose line the test can cut. */
function testServer() {
  const sessions = [testSession()];
  const api = { "session/list": async () => sessions } as unknown as EngineApi;
  const subscribers = new Set<(event: EngineEvent) => void>();
  let drop: ((reason: string) => void) | undefined;
  let refuse = false;
  const dialer: Dialer = {
    via: "websocket",
    dial({ opened, closed }) {
      if (refuse) {
        queueMicrotask(() => closed("refused"));
        return { close() {} };
      }
      const [client, server] = createInProcessTransportPair();
      const stop = serveRpc(server, api, { subscribe: (listener) => (subscribers.add(listener), () => subscribers.delete(listener)) });
      drop = (reason) => {
        stop();
        closed(reason);
      };
      queueMicrotask(() => opened(client));
      return { close: () => drop?.("hung up") };
    },
  };
  return {
    dialer,
    push: (event: EngineEvent) => subscribers.forEach((listener) => listener(event)),
    drop: (reason: string) => drop?.(reason),
    setRefuse: (value: boolean) => (refuse = value),
  };
}

/** Timers the test fires by hand. */
function manualTiming() {
  const timers: Array<{ callback: () => void; ms: number }> = [];
  const timing: LinkTiming = {
    delay: (attempt) => 100 * 2 ** attempt,
    setTimer: (callback, ms) => {
      const timer = { callback, ms };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    now: () => 1000,
  };
  return { timing, timers, fire: () => timers.shift()?.callback() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("createEngineLink", () => {
  it("queues a call made before the connection opens and answers it once open", async () => {
    const server = testServer();
    const link = createEngineLink(server.dialer, manualTiming().timing);
    const states: string[] = [];
    link.onState((state) => states.push(state.kind));
    await expect(link.call("session/list", {})).resolves.toHaveLength(1);
    expect(states).toEqual(["connecting", "open"]);
    link.close();
  });

  it("reconnects after the line drops, with growing waits, keeps event listeners and asks for a resync", async () => {
    const server = testServer();
    const { timing, timers, fire } = manualTiming();
    const link = createEngineLink(server.dialer, timing);
    const seen: string[] = [];
    link.on("tree/delta", (delta) => seen.push(delta.kind));
    let reopened = 0;
    link.onReopen(() => reopened++);
    let last: LinkState | undefined;
    link.onState((state) => (last = state));
    await link.call("session/list", {});

    server.setRefuse(true);
    server.drop("engine restarted");
    expect(last).toEqual({ kind: "closed", reason: "engine restarted", retryAt: 1100, attempt: 0 });
    fire();
    await tick();
    expect(last).toMatchObject({ kind: "closed", reason: "refused", attempt: 1 });
    expect(timers[0]?.ms).toBe(200);

    server.setRefuse(false);
    fire();
    await tick();
    expect(last).toEqual({ kind: "open", via: "websocket" });
    expect(reopened).toBe(1);
    server.push({ name: "tree/delta", payload: { kind: "node-added", seq: 1, node: testNode("r", undefined) } });
    await tick();
    expect(seen).toEqual(["node-added"]);
    link.close();
  });

  it("drops an event payload that breaks the contract instead of passing it on", async () => {
    const server = testServer();
    const link = createEngineLink(server.dialer, manualTiming().timing);
    const seen: unknown[] = [];
    link.on("progress", (progress) => seen.push(progress));
    await link.call("session/list", {});
    server.push({ name: "progress", payload: { sessionId: "s1" } } as unknown as EngineEvent);
    await tick();
    expect(seen).toEqual([]);
    link.close();
  });

  it("keeps a call the line dropped before it left for the next line", async () => {
    const server = testServer();
    const { timing, fire } = manualTiming();
    const link = createEngineLink(server.dialer, timing);
    await link.call("session/list", {});
    const notSent = link.call("session/list", {});
    server.drop("gone");
    fire();
    await expect(notSent).resolves.toHaveLength(1);
    link.close();
  });

  it("rejects a call in flight when the line drops, with the engine's coded error shape", async () => {
    const server = testServer();
    const link = createEngineLink(server.dialer, manualTiming().timing);
    await link.call("session/list", {});
    const inFlight = link.call("session/list", {});
    await Promise.resolve();
    server.drop("gone");
    await expect(inFlight).rejects.toMatchObject({ code: "internal" });
    link.close();
  });
});
