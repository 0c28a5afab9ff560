/**
 * A {@link Transport} over a WebSocket, for both ends: the browser's DOM WebSocket and Node's `ws`
 * package share the small {@link MessageSocket} interface used here, so this file needs neither
 * the DOM's nor Node's types. Each wire message is one JSON text frame, validated on arrival.
 *
 * Reconnecting: a closed socket is not reopened here. A client opens a new socket, wraps it in a
 * new transport and client, calls `tree/get` for the sessions it shows (each tree carries the seq
 * of the last event it includes) and then ignores `tree/delta` events whose seq is not above that
 * tree's seq: deltas carry whole values, so nothing is lost or applied twice.
 */
import { WireMessageSchema } from "./wire.ts";
import type { Transport, WireMessage } from "./wire.ts";

/** `readyState` of an open socket (the same number in the DOM and in `ws`). */
export const socketOpen = 1;
/** `readyState` of a socket still connecting. */
export const socketConnecting = 0;

/** The part of a WebSocket this transport uses: what the DOM's WebSocket and the `ws` package's both have. */
export interface MessageSocket {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(type: "open" | "close" | "error", listener: () => void): void;
  removeEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: "open" | "close" | "error", listener: () => void): void;
}

/** Options of {@link createSocketTransport}. */
export interface SocketTransportOptions {
  /** Frames longer than this (in UTF-16 units, about bytes for JSON) are refused without being parsed. */
  readonly maxFrameChars?: number;
  /** Called with a frame that is not a wire message (not text, not JSON, not the protocol's shape, too long), and why. */
  readonly onInvalidFrame?: (reason: string, frame: unknown) => void;
}

/** A transport over a socket; `dispose` stops listening (it does not close the socket). */
export interface SocketTransport extends Transport {
  dispose(): void;
}

/**
 * Wraps a socket. Messages sent while it is still connecting are queued and sent once it opens;
 * messages sent after it closed are dropped (the caller learns of the close from the socket).
 */
export function createSocketTransport(socket: MessageSocket, options: SocketTransportOptions = {}): SocketTransport {
  const listeners = new Set<(message: WireMessage) => void>();
  const queued: string[] = [];
  const onOpen = () => {
    for (const frame of queued.splice(0)) socket.send(frame);
  };
  const onFrame = (event: { data: unknown }) => {
    const message = parseFrame(event.data, options.maxFrameChars);
    if (typeof message === "string") {
      options.onInvalidFrame?.(message, event.data);
      return;
    }
    for (const listener of listeners) listener(message);
  };
  socket.addEventListener("open", onOpen);
  socket.addEventListener("message", onFrame);
  return {
    send(message) {
      const frame = JSON.stringify(message);
      if (socket.readyState === socketOpen) socket.send(frame);
      else if (socket.readyState === socketConnecting) queued.push(frame);
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      socket.removeEventListener("open", onOpen);
      socket.removeEventListener("message", onFrame);
      listeners.clear();
      queued.length = 0;
    },
  };
}

/** A frame as a wire message, or why it is not one. */
export function parseFrame(data: unknown, maxFrameChars = Number.POSITIVE_INFINITY): WireMessage | string {
  if (typeof data !== "string") return "a binary frame: send wire messages as JSON text";
  if (data.length > maxFrameChars) return `a frame of ${data.length} characters, over the limit of ${maxFrameChars}`;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return "a frame that is not JSON";
  }
  const parsed = WireMessageSchema.safeParse(value);
  if (!parsed.success) return `a frame that is not a wire message (${parsed.error.issues[0]?.message ?? "invalid"})`;
  return parsed.data;
}

/** The request id a malformed frame seems to carry (to answer it), else 0: ids given by clients start at 1. */
export function frameRequestId(data: unknown): number {
  if (typeof data !== "string") return 0;
  // a frame too long to parse: the id a client's serializer writes near the start
  if (data.length > 1_000_000) return Number(/^\{"kind":"request","id":(\d{1,15}),/.exec(data)?.[1] ?? 0);
  try {
    const value: unknown = JSON.parse(data);
    const id = typeof value === "object" && value !== null ? (value as { id?: unknown }).id : undefined;
    return typeof id === "number" && Number.isInteger(id) ? id : 0;
  } catch {
    return 0;
  }
}
