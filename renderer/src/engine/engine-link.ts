/**
 * The renderer's one connection to the engine, over whatever carries it (the Electron bridge or a
 * WebSocket): typed calls, event listeners that survive reconnects, and reconnection with backoff.
 * Calls made while the engine is away wait for it; calls in flight when it goes are rejected.
 */
import { ForkliftError } from "../../../shared/errors.ts";
import { events as eventSchemas } from "../../../shared/protocol/contract.ts";
import type { EventName, EventOf, Method, RequestOf, ResponseOf } from "../../../shared/protocol/contract.ts";
import { createRpcClient } from "../../../shared/protocol/rpc-client.ts";
import type { RpcClient } from "../../../shared/protocol/rpc-client.ts";
import { createDeltaCheck } from "../../../shared/protocol/tree-check.ts";
import type { Transport } from "../../../shared/protocol/wire.ts";
import { backoffDelay } from "./backoff.ts";

/** Where the link to the engine stands, for the header and the disconnected state. */
export type LinkState =
  | { kind: "connecting"; attempt: number }
  | { kind: "open"; via: LinkVia }
  | { kind: "closed"; reason: string; retryAt: number; attempt: number };

/** What carries the link: the Electron preload's bridge or a WebSocket to the browser host. */
export type LinkVia = "electron" | "websocket";

/** Opens one connection: calls `opened` with its transport once usable, `closed` once it is gone (at most once each). */
export interface Dialer {
  via: LinkVia;
  dial(handlers: { opened(transport: Transport): void; closed(reason: string): void }): { close(): void };
}

/** A typed, reconnecting link to the engine. */
export interface EngineLink {
  /** Calls a method, waiting for the connection if it is not open; rejects with the engine's coded error. */
  call<M extends Method>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  /** Listens to an engine event across reconnects; payloads that break the contract are dropped. Returns a function that stops. */
  on<E extends EventName>(name: E, listener: (payload: EventOf<E>) => void): () => void;
  /** Follows the link's state (called at once with the current one). */
  onState(listener: (state: LinkState) => void): () => void;
  /** Called each time the connection opens again after being lost: events were missed, so resync. */
  onReopen(listener: () => void): () => void;
  /** Hangs up for good. */
  close(): void;
}

/** Timing of reconnection, replaceable in tests. */
export interface LinkTiming {
  delay(attempt: number): number;
  setTimer(callback: () => void, ms: number): () => void;
  now(): number;
}

const realTiming: LinkTiming = {
  delay: (attempt) => backoffDelay(attempt),
  setTimer: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
  now: () => Date.now(),
};

/** Creates the link and starts dialling. */
export function createEngineLink(dialer: Dialer, timing: LinkTiming = realTiming): EngineLink {
  let state: LinkState = { kind: "connecting", attempt: 0 };
  let client: RpcClient | undefined;
  let hangUp: (() => void) | undefined;
  let cancelRetry: (() => void) | undefined;
  let everOpened = false;
  let closedForGood = false;
  let waiters: Array<(client: RpcClient) => void> = [];
  const stateListeners = new Set<(state: LinkState) => void>();
  const reopenListeners = new Set<() => void>();
  const eventListeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const checkDelta = createDeltaCheck();

  const setState = (next: LinkState) => {
    state = next;
    stateListeners.forEach((listener) => listener(state));
  };

  const attach = (rpc: RpcClient) => {
    for (const name of Object.keys(eventSchemas) as EventName[]) {
      rpc.on(name, (payload) => {
        const listeners = eventListeners.get(name);
        if (!listeners || listeners.size === 0) return;
        // a burst of 500 deltas is not 500 zod checks in one frame (see createDeltaCheck)
        const parsed = name === "tree/delta" ? checkDelta(payload) : eventSchemas[name].safeParse(payload);
        if (!parsed.success) return;
        listeners.forEach((listener) => listener(parsed.data));
      });
    }
  };

  const dial = (attempt: number) => {
    if (closedForGood) return;
    setState({ kind: "connecting", attempt });
    let done = false;
    const connection = dialer.dial({
      opened(transport) {
        if (done || closedForGood) return;
        const rpc = createRpcClient(transport);
        attach(rpc);
        client = rpc;
        setState({ kind: "open", via: dialer.via });
        const waiting = waiters;
        waiters = [];
        waiting.forEach((resolve) => resolve(rpc));
        if (everOpened) reopenListeners.forEach((listener) => listener());
        everOpened = true;
        attempt = 0;
      },
      closed(reason) {
        if (done) return;
        done = true;
        client?.close();
        client = undefined;
        if (closedForGood) return;
        const wait = timing.delay(attempt);
        setState({ kind: "closed", reason, retryAt: timing.now() + wait, attempt });
        cancelRetry = timing.setTimer(() => dial(attempt + 1), wait);
      },
    });
    hangUp = () => {
      done = true;
      connection.close();
    };
  };

  const ready = (): Promise<RpcClient> =>
    client ? Promise.resolve(client) : new Promise((resolve) => waiters.push(resolve));

  dial(0);

  return {
    async call(method, request) {
      if (closedForGood) throw new ForkliftError("internal", "the studio closed its connection to the engine");
      let rpc = await ready();
      // the line dropped between "ready" and now: this call never left, so it waits for the next line
      while (rpc !== client) rpc = await ready();
      return rpc.call(method, request);
    },
    on(name, listener) {
      const set = eventListeners.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      eventListeners.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
    onReopen(listener) {
      reopenListeners.add(listener);
      return () => reopenListeners.delete(listener);
    },
    close() {
      closedForGood = true;
      cancelRetry?.();
      hangUp?.();
      client?.close();
      client = undefined;
    },
  };
}
