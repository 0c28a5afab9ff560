/** Dials the engine through the Electron preload's bridge (`window.forklift`), when there is one. */
import { studioBridgeName } from "../../../shared/protocol/studio-bridge.ts";
import type { StudioBridge } from "../../../shared/protocol/studio-bridge.ts";
import type { Dialer } from "./engine-link.ts";

/** The Electron bridge on this window, or undefined in a plain browser. */
export function studioBridge(): StudioBridge | undefined {
  const candidate = (window as unknown as Record<string, unknown>)[studioBridgeName] as StudioBridge | undefined;
  return candidate?.host === "electron" ? candidate : undefined;
}

/** A dialer over the bridge's MessagePort: open at once, and it stays open as long as the window. */
export function bridgeDialer(bridge: StudioBridge): Dialer {
  return {
    via: "electron",
    dial({ opened }) {
      opened(bridge.rpc);
      return { close() {} };
    },
  };
}
