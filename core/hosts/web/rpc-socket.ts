/**
 * One WebSocket client of the engine: the socket-agnostic transport from shared/protocol, the one
 * `serveRpc`, and what a socket adds: a malformed or oversized frame is answered with a coded
 * error (never a crash, never a closed server), and a client too slow to read its events is
 * disconnected before it holds the engine's memory (it reconnects and calls tree/get).
 */
import type { WebSocket } from "ws";
import type { EngineApi } from "../../../shared/protocol/contract.ts";
import { serveRpc } from "../../../shared/protocol/serve-rpc.ts";
import type { EventSource } from "../../../shared/protocol/serve-rpc.ts";
import { createSocketTransport, frameRequestId } from "../../../shared/protocol/socket-transport.ts";
import type { MessageSocket } from "../../../shared/protocol/socket-transport.ts";
import type { Transport } from "../../../shared/protocol/wire.ts";

/** Frames longer than this are answered with an error without being parsed; ws closes the socket at twice this (1009). */
export const maxFrameChars = 16 * 1024 * 1024;
/** A client with more than this waiting to be sent is too slow: it is disconnected (1013) and should resync. */
export const maxBufferedBytes = 64 * 1024 * 1024;

/** What a socket serves: the engine's API and its events (the engine, or any implementation of the contract). */
export interface ServedEngine {
  readonly api: EngineApi;
  readonly events: EventSource;
}

/** Serves the engine on one accepted socket until it closes. */
export function serveSocket(socket: WebSocket, engine: ServedEngine): void {
  const transport = createSocketTransport(socket as unknown as MessageSocket, {
    maxFrameChars,
    onInvalidFrame: (reason, frame) =>
      transport.send({ kind: "response", id: frameRequestId(frame), ok: false, error: { code: "invalid-input", message: `refused ${reason}` } }),
  });
  const guarded: Transport = {
    send(message) {
      if (socket.bufferedAmount > maxBufferedBytes) {
        socket.close(1013, "too slow to read the engine's events: reconnect and call tree/get");
        return;
      }
      transport.send(message);
    },
    onMessage: (listener) => transport.onMessage(listener),
  };
  const stop = serveRpc(guarded, engine.api, engine.events);
  socket.on("error", () => undefined); // a broken connection ends here; the close below cleans up
  socket.on("close", () => {
    stop();
    transport.dispose();
  });
}
