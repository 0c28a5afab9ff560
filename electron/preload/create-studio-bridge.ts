/**
 * The object the preload exposes as `window.forklift`: exactly the StudioBridge of
 * shared/protocol/studio-bridge.ts. The engine's wire goes over a MessagePort the main process
 * hands over after the page asks (outgoing messages wait for it); the native actions are two
 * fixed invokes. No ipcRenderer, no channel name and no Node object reaches the page.
 */
import type { StudioBridge } from "../../shared/protocol/studio-bridge.ts";
import type { WireMessage } from "../../shared/protocol/wire.ts";
import { ipcChannels } from "../ipc/ipc-channels.ts";

/** The renderer's end of the engine channel (a DOM MessagePort). */
export interface RendererPort {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}

/** What the bridge needs from ipcRenderer, and nothing else. */
export interface PreloadIpc {
  send(channel: typeof ipcChannels.connect): void;
  invoke(channel: typeof ipcChannels.saveFile | typeof ipcChannels.pickPath, ...args: unknown[]): Promise<unknown>;
  /** Registers the listener of the engine ports the main process sends. */
  onEnginePort(listener: (port: RendererPort) => void): void;
}

/** Builds the bridge and asks the main process for the engine port. */
export function createStudioBridge(ipc: PreloadIpc): StudioBridge {
  const listeners = new Set<(message: WireMessage) => void>();
  const waiting: WireMessage[] = [];
  let port: RendererPort | undefined;

  ipc.onEnginePort((next) => {
    port?.close();
    port = next;
    next.addEventListener("message", ({ data }) => {
      for (const listener of listeners) listener(data as WireMessage);
    });
    next.start();
    for (const message of waiting.splice(0)) next.postMessage(message);
  });
  ipc.send(ipcChannels.connect);

  return Object.freeze({
    host: "electron" as const,
    rpc: Object.freeze({
      send(message: WireMessage) {
        if (port) port.postMessage(message);
        else waiting.push(message);
      },
      onMessage(listener: (message: WireMessage) => void) {
        listeners.add(listener);
        return () => {
          listeners.delete(listener);
        };
      },
    }),
    saveFile: async (suggestedName: string, content: string) => (await ipc.invoke(ipcChannels.saveFile, suggestedName, content)) as string | undefined,
    pickPath: async (kind: "repository" | "spec") => (await ipc.invoke(ipcChannels.pickPath, kind)) as string | undefined,
  });
}
