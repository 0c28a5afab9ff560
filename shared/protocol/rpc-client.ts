import { ForkliftError } from "../errors.ts";
import type { EventName, EventOf, Method, RequestOf, ResponseOf } from "./contract.ts";
import type { Transport } from "./wire.ts";

/** A typed caller of the engine's API over a transport. */
export interface RpcClient {
  /** Calls a method; rejects with a ForkliftError carrying the server's error code. */
  call<M extends Method>(method: M, request: RequestOf<M>): Promise<ResponseOf<M>>;
  /** Listens to an engine event; returns a function that stops listening. */
  on<E extends EventName>(name: E, listener: (payload: EventOf<E>) => void): () => void;
  /** Stops listening to the transport; calls still waiting are rejected. */
  close(): void;
}

/** A client for the server at the other end of `transport` (see serveRpc). */
export function createRpcClient(transport: Transport): RpcClient {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const stop = transport.onMessage((message) => {
    if (message.kind === "event") listeners.get(message.name)?.forEach((listener) => listener(message.payload));
    if (message.kind === "events") for (const item of message.items) listeners.get(item.name)?.forEach((listener) => listener(item.payload));
    if (message.kind !== "response") return;
    const call = waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id);
    if (message.ok) call.resolve(message.result);
    else call.reject(new ForkliftError(message.error.code, message.error.message));
  });
  return {
    call<M extends Method>(method: M, request: RequestOf<M>) {
      const id = nextId++;
      return new Promise<ResponseOf<M>>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (result: unknown) => void, reject });
        transport.send({ kind: "request", id, method, params: request });
      });
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    close() {
      stop();
      for (const call of waiting.values()) call.reject(new ForkliftError("internal", "the connection to the engine closed"));
      waiting.clear();
    },
  };
}
