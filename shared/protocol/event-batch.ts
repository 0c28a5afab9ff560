import type { EngineEvent } from "./contract.ts";
import type { WireMessage } from "./wire.ts";

/** The timer functions both hosts have (Node and the browser); shared/ is compiled without either's types. */
interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
const timers = globalThis as unknown as Timers;

/** How {@link createEventBatch} coalesces events. */
export interface EventBatchOptions {
  /** The longest an event waits for others to join its frame (ms); 0 (the default) gathers what the engine emits before the event loop turns: a burst, at no added latency. */
  readonly windowMs?: number;
  /** A frame never holds more events than this: a full one is sent at once. */
  readonly maxItems?: number;
}

/** Events gathered into wire frames: `add` queues one, `flush` sends what is queued now (in order). */
export interface EventBatch {
  add(event: EngineEvent): void;
  flush(): void;
  /** Sends what is queued and stops the timer; later `add`s are dropped. */
  close(): void;
}

/**
 * Coalesces the engine's events into frames: the events that happen within `windowMs` of the
 * first queued one travel together as one `events` message (a single one as a plain `event`), so a
 * burst of 500 tree deltas costs the receiver one frame to read, not 500. Order is kept.
 */
export function createEventBatch(send: (message: WireMessage) => void, options: EventBatchOptions = {}): EventBatch {
  const windowMs = options.windowMs ?? 0;
  const maxItems = options.maxItems ?? 1000;
  let queued: EngineEvent[] = [];
  let timer: unknown;
  let closed = false;

  const flush = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
    if (queued.length === 0) return;
    const items = queued;
    queued = [];
    if (items.length === 1) send({ kind: "event", name: items[0]!.name, payload: items[0]!.payload });
    else send({ kind: "events", items: items.map((event) => ({ name: event.name, payload: event.payload })) });
  };

  return {
    add(event) {
      if (closed) return;
      queued.push(event);
      if (queued.length >= maxItems) flush();
      else timer ??= timers.setTimeout(flush, windowMs);
    },
    flush,
    close() {
      flush();
      closed = true;
    },
  };
}
