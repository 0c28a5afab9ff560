/**
 * Dials the engine over a WebSocket to the browser host's `/rpc` on this page's own origin. The
 * host authenticates the socket by the cookie it set when it served the page, so no token travels
 * in script.
 */
import { WireMessageSchema } from "../../../shared/protocol/wire.ts";
import type { Transport, WireMessage } from "../../../shared/protocol/wire.ts";
import type { Dialer } from "./engine-link.ts";

/** The engine's socket address for a page served from `location`. */
export function rpcSocketUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/rpc`;
}

/** A dialer that opens a new WebSocket to `url` each time. */
export function webSocketDialer(url: string): Dialer {
  return {
    via: "websocket",
    dial({ opened, closed }) {
      const socket = new WebSocket(url);
      const listeners = new Set<(message: WireMessage) => void>();
      const transport: Transport = {
        send: (message) => socket.send(JSON.stringify(message)),
        onMessage(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
      socket.addEventListener("open", () => opened(transport));
      socket.addEventListener("message", (event) => {
        if (typeof event.data !== "string") return;
        const parsed = WireMessageSchema.safeParse(safeJson(event.data));
        if (parsed.success) listeners.forEach((listener) => listener(parsed.data));
      });
      socket.addEventListener("close", (event) => closed(closeReason(event.code, event.reason)));
      return { close: () => socket.close() };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One line for a closed socket: the host's own reason, or what the code means for the user. */
export function closeReason(code: number, reason: string): string {
  if (reason) return reason;
  if (code === 1008) return "the studio host refused this page (open the URL `forklift studio` printed, with its token)";
  return "the engine is not answering: is `forklift studio` still running?";
}
