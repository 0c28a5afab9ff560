/**
 * Dials the engine over a WebSocket to the browser host's `/rpc` on this page's own origin,
 * through shared/protocol's socket transport (validated frames). The host authenticates the
 * socket by the cookie it set when it served the page, so no token travels in script.
 */
import { createSocketTransport } from "../../../shared/protocol/socket-transport.ts";
import type { Dialer } from "./engine-link.ts";

/** The engine's socket address for a page served from `location`. */
export function rpcSocketUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/rpc`;
}

/** A dialer that opens a new WebSocket (and a new transport over it) each time. */
export function webSocketDialer(url: string): Dialer {
  return {
    via: "websocket",
    dial({ opened, closed }) {
      const socket = new WebSocket(url);
      const transport = createSocketTransport(socket);
      socket.addEventListener("open", () => opened(transport));
      socket.addEventListener("close", (event) => {
        transport.dispose();
        closed(closeReason(event.code, event.reason));
      });
      return { close: () => socket.close() };
    },
  };
}

/** One line for a closed socket: the host's own reason, or what the code means for the user. */
export function closeReason(code: number, reason: string): string {
  if (reason) return reason;
  if (code === 1008) return "the studio host refused this page (open the URL `forklift studio` printed, with its token)";
  if (code === 1009) return "a message was too large for the studio host";
  return "the engine is not answering: is `forklift studio` still running?";
}
