import type { WireMessage } from "./wire.ts";

/**
 * What the Electron preload exposes to the renderer as `window.forklift` (and nothing more): the
 * engine's wire and the few native things a browser cannot do. In the browser host there is no
 * bridge; the renderer talks to the engine over a WebSocket to `/rpc` on its own origin instead.
 */
export interface StudioBridge {
  readonly host: "electron";
  /** The engine's wire (the same WireMessages as every transport), carried over a MessagePort to the engine process. */
  readonly rpc: {
    send(message: WireMessage): void;
    /** Registers a listener; returns a function that removes it. */
    onMessage(listener: (message: WireMessage) => void): () => void;
  };
  /** Asks where to save with the native dialog and writes the file; resolves with the path, or undefined when cancelled. */
  saveFile(suggestedName: string, content: string): Promise<string | undefined>;
  /** Picks a repository folder or a spec file with the native dialog; undefined when cancelled. */
  pickPath(kind: "repository" | "spec"): Promise<string | undefined>;
}

/** The global name of the bridge on the renderer's window. */
export const studioBridgeName = "forklift";
