/** Picks how this window reaches the engine and connects the store to it. */
import { bridgeDialer, studioBridge } from "./bridge-dialer.ts";
import { createEngineLink } from "./engine-link.ts";
import type { EngineLink } from "./engine-link.ts";
import { rpcSocketUrl, webSocketDialer } from "./web-socket-dialer.ts";

/** The Electron bridge's rpc when the preload provides it, otherwise a WebSocket to this origin's /rpc. */
export function connectEngine(): EngineLink {
  const bridge = studioBridge();
  return createEngineLink(bridge ? bridgeDialer(bridge) : webSocketDialer(rpcSocketUrl(window.location)));
}
