/**
 * A Transport over one renderer connection: a MessagePort handed to the engine process, or the
 * main process's relay of one. Every incoming value is decoded first (a malformed one gets a
 * coded error back); serveRpc then validates the request itself.
 */
import type { Transport, WireMessage } from "../../shared/protocol/wire.ts";
import { decodeWireMessage, requestIdOf } from "./decode-wire-message.ts";

/** One end of a renderer connection as the engine sees it. */
export interface WirePort {
  postMessage(data: unknown): void;
  /** Registers the listener of incoming values (one per port). */
  onMessage(listener: (data: unknown) => void): void;
  /** Called once when the other end goes away. */
  onClose(listener: () => void): void;
}

/**
 * A transport that decodes what arrives on `port`; `closed` resolves when the port closes.
 * Messages that arrive before anyone listens (the engine is still starting) wait for the first listener.
 */
export function createPortTransport(port: WirePort): Transport & { readonly closed: Promise<void> } {
  const listeners = new Set<(message: WireMessage) => void>();
  const early: WireMessage[] = [];
  let open = true;
  const closed = new Promise<void>((resolve) =>
    port.onClose(() => {
      open = false;
      listeners.clear();
      early.length = 0;
      resolve();
    }),
  );
  port.onMessage((data) => {
    if (!open) return;
    try {
      const decoded = decodeWireMessage(data);
      if (!decoded.ok) {
        if (open) port.postMessage(decoded.reply);
        return;
      }
      if (listeners.size === 0) early.push(decoded.message);
      for (const listener of listeners) listener(decoded.message);
    } catch (error) {
      // a bug while handling one message must not take the engine (and every other connection) down
      if (open) port.postMessage(internalReply(data, error));
    }
  });
  return {
    closed,
    send(message) {
      if (open) port.postMessage(message);
    },
    onMessage(listener) {
      listeners.add(listener);
      for (const message of early.splice(0)) listener(message);
      return () => listeners.delete(listener);
    },
  };
}

function internalReply(data: unknown, error: unknown): WireMessage {
  const message = `the engine failed on this message: ${error instanceof Error ? error.message : String(error)}`;
  return { kind: "response", id: requestIdOf(data), ok: false, error: { code: "internal", message } };
}
