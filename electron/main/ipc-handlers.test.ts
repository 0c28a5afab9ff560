import { describe, expect, it } from "vitest";
import { ipcChannels } from "../ipc/ipc-channels.ts";
import { ipcArgumentSchemas, maxSavedFileBytes, registerIpcHandlers } from "./ipc-handlers.ts";
import type { IpcMainLike } from "./ipc-handlers.ts";
import { isTrustedSender } from "./ipc-sender.ts";
import type { IpcSenderEvent } from "./ipc-sender.ts";

const studioId = 7;
const trusted: IpcSenderEvent = { sender: { id: studioId }, senderFrame: { url: "forklift-app://app/index.html", parent: null } };

/** A recording stand-in for ipcMain (Electron's binary is not installed here): it keeps the listeners and lets the test send as a renderer would. */
function recordedIpc() {
  const on = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => void>();
  const handle = new Map<string, (event: IpcSenderEvent, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike<IpcSenderEvent> = { on: (channel, listener) => on.set(channel, listener), handle: (channel, listener) => void handle.set(channel, listener) };
  const calls: string[] = [];
  const refusals: string[] = [];
  registerIpcHandlers(
    ipcMain,
    () => studioId,
    {
      connect: () => void calls.push("connect"),
      saveFile: async (_event, name, content) => (calls.push(`save ${name} ${content.length}`), `/chosen/${name}`),
      pickPath: async (_event, kind) => (calls.push(`pick ${kind}`), "/chosen/path"),
    },
    (line) => refusals.push(line),
  );
  return { on, handle, calls, refusals };
}

describe("IPC sender check", () => {
  it("accepts the studio window's top frame on the app origin", () => {
    expect(isTrustedSender(trusted, studioId)).toBe(true);
  });

  it.each<[string, IpcSenderEvent]>([
    ["another webContents", { ...trusted, sender: { id: studioId + 1 } }],
    ["a subframe", { ...trusted, senderFrame: { url: "forklift-app://app/index.html", parent: {} } }],
    ["a destroyed or navigated frame", { ...trusted, senderFrame: null }],
    ["a remote page", { ...trusted, senderFrame: { url: "https://attacker.example/", parent: null } }],
    ["a look-alike host", { ...trusted, senderFrame: { url: "forklift-app://app.attacker.example/", parent: null } }],
    ["a file:// page", { ...trusted, senderFrame: { url: "file:///tmp/index.html", parent: null } }],
    ["a data: page", { ...trusted, senderFrame: { url: "data:text/html,hi", parent: null } }],
  ])("refuses %s", (_what, event) => {
    expect(isTrustedSender(event, studioId)).toBe(false);
  });

  it("refuses everyone while there is no studio window", () => {
    expect(isTrustedSender(trusted, undefined)).toBe(false);
  });
});

describe("IPC handlers", () => {
  it("registers exactly the three channels of the bridge, nothing generic", () => {
    const ipc = recordedIpc();
    expect([...ipc.on.keys()]).toEqual([ipcChannels.connect]);
    expect([...ipc.handle.keys()].sort()).toEqual([ipcChannels.pickPath, ipcChannels.saveFile].sort());
    expect(Object.keys(ipcArgumentSchemas).sort()).toEqual([ipcChannels.connect, ipcChannels.pickPath, ipcChannels.saveFile].sort());
  });

  it("runs a valid request from the studio window", async () => {
    const ipc = recordedIpc();
    ipc.on.get(ipcChannels.connect)?.(trusted);
    await expect(ipc.handle.get(ipcChannels.saveFile)?.(trusted, "forklift-ab12cd34.patch", "diff --git a/x b/x\n")).resolves.toBe("/chosen/forklift-ab12cd34.patch");
    await expect(ipc.handle.get(ipcChannels.pickPath)?.(trusted, "spec")).resolves.toBe("/chosen/path");
    expect(ipc.calls).toEqual(["connect", "save forklift-ab12cd34.patch 19", "pick spec"]);
  });

  it("drops a connect from any other sender, and logs it", () => {
    const ipc = recordedIpc();
    ipc.on.get(ipcChannels.connect)?.({ ...trusted, senderFrame: { url: "https://attacker.example/", parent: null } });
    ipc.on.get(ipcChannels.connect)?.(trusted, "unexpected argument");
    expect(ipc.calls).toEqual([]);
    expect(ipc.refusals).toEqual(["forklift: refused forklift:connect from https://attacker.example/"]);
  });

  it("rejects invokes from any other sender before doing anything", async () => {
    const ipc = recordedIpc();
    const foreign = { ...trusted, sender: { id: 99 } };
    await expect(ipc.handle.get(ipcChannels.saveFile)?.(foreign, "x.patch", "x")).rejects.toThrow("refused (not the studio window)");
    await expect(ipc.handle.get(ipcChannels.pickPath)?.(foreign, "repository")).rejects.toThrow("refused");
    expect(ipc.calls).toEqual([]);
  });

  it.each<[string, unknown[]]>([
    ["no arguments", []],
    ["a path instead of a name", ["../../.bashrc", "x"]],
    ["an absolute path", ["/etc/cron.d/job", "x"]],
    ["a Windows path", ["C:\\Users\\me\\evil.bat", "x"]],
    ["a drive-relative name", ["C:evil.bat", "x"]],
    ["a hidden file", [".bashrc", "x"]],
    ["a control character", ["a\nb.patch", "x"]],
    ["a NUL", ["a\u0000.patch", "x"]],
    ["an over-long name", [`${"a".repeat(300)}.patch`, "x"]],
    ["content that is not text", ["x.patch", { toString: "x" }]],
    ["content over the limit", ["x.patch", "a".repeat(maxSavedFileBytes + 1)]],
    ["an extra argument", ["x.patch", "x", "extra"]],
  ])("rejects saveFile with %s", async (_what, args) => {
    const ipc = recordedIpc();
    await expect(ipc.handle.get(ipcChannels.saveFile)?.(trusted, ...args)).rejects.toThrow("invalid arguments");
    expect(ipc.calls).toEqual([]);
  });

  it.each<[string, unknown[]]>([
    ["no kind", []],
    ["an unknown kind", ["home-directory"]],
    ["a path", ["/etc"]],
  ])("rejects pickPath with %s", async (_what, args) => {
    const ipc = recordedIpc();
    await expect(ipc.handle.get(ipcChannels.pickPath)?.(trusted, ...args)).rejects.toThrow("invalid arguments");
    expect(ipc.calls).toEqual([]);
  });
});
