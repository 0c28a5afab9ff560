/**
 * The engine side's first check on anything a renderer sends: a value that is not a wire message
 * is answered with a coded `invalid-input` error (carrying the request's id when it has a usable
 * one, else id 0, which no client call uses) instead of reaching serveRpc or crashing the engine.
 */
import { WireMessageSchema } from "../../shared/protocol/wire.ts";
import type { WireMessage } from "../../shared/protocol/wire.ts";

/** A decoded wire message, or the error reply a malformed one gets. */
export type DecodedWireMessage = { ok: true; message: WireMessage } | { ok: false; reply: WireMessage };

/** Checks one incoming value against the wire schema. */
export function decodeWireMessage(data: unknown): DecodedWireMessage {
  const parsed = WireMessageSchema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ` : "";
  return { ok: false, reply: malformedReply(data, `${where}${issue?.message ?? "invalid"}`) };
}

/** The coded error a malformed message gets, addressed to its request id when it has a usable one. */
export function malformedReply(data: unknown, reason: string): WireMessage {
  return { kind: "response", id: requestIdOf(data), ok: false, error: { code: "invalid-input", message: `malformed message: ${reason}` } };
}

/** The id of the request `data` seems to be, or 0 (an id no client call uses) when it has no usable one. */
export function requestIdOf(data: unknown): number {
  const candidate = typeof data === "object" && data !== null ? (data as { id?: unknown }).id : undefined;
  return typeof candidate === "number" && Number.isSafeInteger(candidate) ? candidate : 0;
}
