/**
 * A stand-in for Electron's MessageChannelMain in tests (its binary is not installed here): two
 * connected ports with MessagePortMain's shape. Messages are structured-cloned and delivered
 * asynchronously, as across processes; closing either end closes both.
 */
import { EventEmitter } from "node:events";
import type { MainPort } from "../main/engine-supervisor.ts";

/** A port of the pair, with what the test may inspect. */
export interface StandInPort extends MainPort {
  readonly isClosed: () => boolean;
}

/** Two connected stand-in ports. */
export function standInPortPair(): [StandInPort, StandInPort] {
  const emitters = [new EventEmitter(), new EventEmitter()] as const;
  let closed = false;
  const side = (mine: 0 | 1): StandInPort => ({
    postMessage(message: unknown) {
      if (closed) return;
      const copy = structuredClone(message);
      setImmediate(() => emitters[mine === 0 ? 1 : 0].emit("message", { data: copy }));
    },
    on(event: "message" | "close", listener: (...args: never[]) => void) {
      emitters[mine].on(event, listener as (...args: unknown[]) => void);
      return this;
    },
    start() {},
    close() {
      if (closed) return;
      closed = true;
      setImmediate(() => emitters.forEach((emitter) => emitter.emit("close")));
    },
    isClosed: () => closed,
  }) as StandInPort;
  return [side(0), side(1)];
}
