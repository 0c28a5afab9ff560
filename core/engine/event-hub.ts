import type { EngineEvent, EventName, EventOf } from "../../shared/protocol/contract.ts";
import type { EventSource } from "../../shared/protocol/serve-rpc.ts";
import { lastEventSeq, listEvents } from "../store/index.ts";
import type { Store } from "../store/index.ts";

/**
 * The engine's event stream: tree deltas read from the store's event log (so what a client sees
 * is exactly what was committed, in order), plus progress and log lines.
 */
export class EventHub implements EventSource {
  private readonly listeners = new Set<(event: EngineEvent) => void>();
  private seq: number;

  constructor(private readonly store: Store) {
    this.seq = lastEventSeq(store);
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends one event to every subscriber; a throwing subscriber does not stop the others. */
  emit<E extends EventName>(name: E, payload: EventOf<E>): void {
    const event = { name, payload } as EngineEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // a broken client must not break the engine
      }
    }
  }

  /** Sends the tree deltas committed since the last call. */
  pump(): void {
    for (;;) {
      const deltas = listEvents(this.store, { since: this.seq, limit: 500 });
      for (const delta of deltas) {
        this.seq = delta.seq;
        this.emit("tree/delta", delta);
      }
      if (deltas.length < 500) return;
    }
  }
}
