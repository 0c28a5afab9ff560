/**
 * The preload of the studio window, bundled to one CommonJS file (a sandboxed preload cannot load
 * ES modules or other files): exposes the StudioBridge as `window.forklift`, and nothing else.
 */
import { contextBridge, ipcRenderer } from "electron";
import { studioBridgeName } from "../../shared/protocol/studio-bridge.ts";
import { ipcChannels } from "../ipc/ipc-channels.ts";
import { createStudioBridge } from "./create-studio-bridge.ts";

contextBridge.exposeInMainWorld(
  studioBridgeName,
  createStudioBridge({
    send: (channel) => ipcRenderer.send(channel),
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    onEnginePort: (listener) =>
      void ipcRenderer.on(ipcChannels.enginePort, (event) => {
        const port = event.ports[0];
        if (port) listener(port);
      }),
  }),
);
