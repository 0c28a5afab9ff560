import { z } from "zod";
import { errorCodes } from "../errors.ts";

/** The wire form of an error (see ErrorValue in shared/errors.ts). */
export const ErrorValueSchema = z.strictObject({ code: z.enum(errorCodes), message: z.string() });

/** A response on the wire: the result, or a coded error. */
const WireResponseSchema = z.discriminatedUnion("ok", [
  z.strictObject({ kind: z.literal("response"), id: z.number().int(), ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ kind: z.literal("response"), id: z.number().int(), ok: z.literal(false), error: ErrorValueSchema }),
]);

/** One pushed engine event on the wire: its name and payload (validated by the receiver against the contract). */
export const WireEventSchema = z.strictObject({ name: z.string(), payload: z.unknown() });

/**
 * What travels between a client and a server: requests, their responses, and pushed events. Plain JSON.
 * `events` carries several events in the order they happened (a burst costs one frame, not one each);
 * a client handles it exactly as that many `event` messages.
 */
export const WireMessageSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("request"), id: z.number().int(), method: z.string(), params: z.unknown() }),
  // zod 4 refuses two options with the same discriminator value: the two responses are their own union on `ok`
  WireResponseSchema,
  z.strictObject({ kind: z.literal("event"), name: z.string(), payload: z.unknown() }),
  z.strictObject({ kind: z.literal("events"), items: z.array(WireEventSchema).min(1) }),
]);
/** See {@link WireMessageSchema}. */
export type WireMessage = z.infer<typeof WireMessageSchema>;

/** A two-way channel carrying wire messages: Electron IPC, a WebSocket, or in-process. */
export interface Transport {
  send(message: WireMessage): void;
  /** Registers a listener; returns a function that removes it. */
  onMessage(listener: (message: WireMessage) => void): () => void;
}

/**
 * Two connected in-process transports (client side, server side). Messages go through a JSON
 * round trip and arrive asynchronously, as on a real wire, so what works here works over IPC.
 */
export function createInProcessTransportPair(): [Transport, Transport] {
  const listeners: [Set<(message: WireMessage) => void>, Set<(message: WireMessage) => void>] = [new Set(), new Set()];
  const side = (mine: 0 | 1): Transport => ({
    send(message) {
      const copy = JSON.parse(JSON.stringify(message)) as WireMessage;
      void Promise.resolve().then(() => listeners[mine === 0 ? 1 : 0].forEach((listener) => listener(copy)));
    },
    onMessage(listener) {
      listeners[mine].add(listener);
      return () => listeners[mine].delete(listener);
    },
  });
  return [side(0), side(1)];
}
