import { describe, expect, it, vi } from "vitest";
import type { StudioBridge } from "../../shared/protocol/studio-bridge.ts";
import type { WireMessage } from "../../shared/protocol/wire.ts";
import { ipcChannels } from "../ipc/ipc-channels.ts";
import { createStudioBridge } from "./create-studio-bridge.ts";
import type { PreloadIpc, RendererPort } from "./create-studio-bridge.ts";

// Electron's module cannot load without its binary: the preload's two Electron objects are recorded instead.
const electron = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  sent: [] as unknown[][],
  invoked: [] as unknown[][],
  portListeners: [] as ((event: { ports: unknown[] }) => void)[],
}));
vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.push([name, api]) },
  ipcRenderer: {
    send: (...args: unknown[]) => electron.sent.push(args),
    invoke: async (...args: unknown[]) => (electron.invoked.push(args), "/chosen"),
    on: (channel: string, listener: (event: { ports: unknown[] }) => void) => {
      if (channel === ipcChannels.enginePort) electron.portListeners.push(listener);
    },
  },
}));

/** A renderer-side port stand-in (a DOM MessagePort in the app). */
function rendererPort() {
  const posted: unknown[] = [];
  let listener: ((event: { data: unknown }) => void) | undefined;
  const port: RendererPort & { closed: boolean } = {
    closed: false,
    postMessage: (message) => void posted.push(message),
    addEventListener: (_type, next) => void (listener = next),
    start: () => undefined,
    close() {
      this.closed = true;
    },
  };
  return { port, posted, receive: (data: unknown) => listener?.({ data }) };
}

function recordedIpc() {
  const sent: string[] = [];
  const invoked: unknown[][] = [];
  let onPort: ((port: RendererPort) => void) | undefined;
  const ipc: PreloadIpc = {
    send: (channel) => void sent.push(channel),
    invoke: async (channel, ...args) => (invoked.push([channel, ...args]), channel === ipcChannels.saveFile ? "/home/me/x.patch" : undefined),
    onEnginePort: (listener) => void (onPort = listener),
  };
  return { ipc, sent, invoked, givePort: (port: RendererPort) => onPort?.(port) };
}

const request: WireMessage = { kind: "request", id: 1, method: "session/list", params: {} };

describe("the preload", () => {
  it("exposes exactly one global, `forklift`, holding exactly the StudioBridge", async () => {
    await import("./preload.ts");
    expect(electron.exposed.map(([name]) => name)).toEqual(["forklift"]);
    const bridge = electron.exposed[0]?.[1] as StudioBridge;
    expect(Object.keys(bridge).sort()).toEqual(["host", "pickPath", "rpc", "saveFile"]);
    expect(Object.keys(bridge.rpc).sort()).toEqual(["onMessage", "send"]);
    expect(bridge.host).toBe("electron");
    expect(Object.isFrozen(bridge) && Object.isFrozen(bridge.rpc)).toBe(true);
    // no Electron or Node object is reachable from it
    const reachable = JSON.stringify(bridge, (_key, value: unknown) => (typeof value === "function" ? `fn:${value.length}` : value));
    expect(reachable).toBe('{"host":"electron","rpc":{"send":"fn:1","onMessage":"fn:1"},"saveFile":"fn:2","pickPath":"fn:1"}');
    // it asked the main process for the engine port, on the connect channel and nothing else
    expect(electron.sent).toEqual([[ipcChannels.connect]]);
    await expect(bridge.pickPath("repository")).resolves.toBe("/chosen");
    expect(electron.invoked).toEqual([[ipcChannels.pickPath, "repository"]]);
    expect(electron.portListeners).toHaveLength(1);
  });
});

describe("the studio bridge", () => {
  it("holds outgoing messages until the engine port arrives, then sends them in order", () => {
    const recorded = recordedIpc();
    const bridge = createStudioBridge(recorded.ipc);
    expect(recorded.sent).toEqual([ipcChannels.connect]);
    bridge.rpc.send(request);
    bridge.rpc.send({ ...request, id: 2 });
    const renderer = rendererPort();
    recorded.givePort(renderer.port);
    bridge.rpc.send({ ...request, id: 3 });
    expect(renderer.posted.map((message) => (message as { id: number }).id)).toEqual([1, 2, 3]);
  });

  it("delivers the engine's messages to every listener until it unsubscribes", () => {
    const recorded = recordedIpc();
    const bridge = createStudioBridge(recorded.ipc);
    const renderer = rendererPort();
    recorded.givePort(renderer.port);
    const first: WireMessage[] = [];
    const second: WireMessage[] = [];
    const stopFirst = bridge.rpc.onMessage((message) => first.push(message));
    bridge.rpc.onMessage((message) => second.push(message));
    renderer.receive({ kind: "event", name: "log", payload: {} });
    stopFirst();
    renderer.receive({ kind: "response", id: 1, ok: true, result: [] });
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(2);
  });

  it("moves to a new port when the main process sends one (the engine restarted) and closes the old one", () => {
    const recorded = recordedIpc();
    const bridge = createStudioBridge(recorded.ipc);
    const old = rendererPort();
    recorded.givePort(old.port);
    const next = rendererPort();
    recorded.givePort(next.port);
    bridge.rpc.send(request);
    expect(old.port.closed).toBe(true);
    expect(old.posted).toEqual([]);
    expect(next.posted).toEqual([request]);
  });

  it("saves and picks through their own channels only", async () => {
    const recorded = recordedIpc();
    const bridge = createStudioBridge(recorded.ipc);
    await expect(bridge.saveFile("forklift-1a2b.patch", "diff")).resolves.toBe("/home/me/x.patch");
    await expect(bridge.pickPath("spec")).resolves.toBeUndefined();
    expect(recorded.invoked).toEqual([
      [ipcChannels.saveFile, "forklift-1a2b.patch", "diff"],
      [ipcChannels.pickPath, "spec"],
    ]);
  });
});
