/**
 * The engine process for real: the bundle `npm run build:electron` writes, run as the Node child
 * process of development (engine-launch.ts), driven by the main process's supervisor. A renderer
 * connection is one end of a port pair standing in for MessageChannelMain (Electron's binary is
 * not installed here); everything behind it is the shipped code.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ForkliftError } from "../../shared/errors.ts";
import { createRpcClient } from "../../shared/protocol/rpc-client.ts";
import type { RpcClient } from "../../shared/protocol/rpc-client.ts";
import type { Transport, WireMessage } from "../../shared/protocol/wire.ts";
import type { SettingsPatch } from "../../shared/protocol/settings.ts";
import { superviseEngine } from "../main/engine-supervisor.ts";
import type { EngineSupervisor, MainPort } from "../main/engine-supervisor.ts";
import { spawnNodeEngineChild } from "../main/node-engine-child.ts";
import { patchLlmSettings } from "../../core/engine/user-settings.ts";
import type { LlmSecrets } from "../ipc/engine-control.ts";
import { buildElectron, repositoryRoot } from "../scripts/build-electron.ts";
import { standInPortPair } from "../testing/port-pair.ts";

let folder: string;
let bundleDir: string;
let bundle: string;
const running: EngineSupervisor[] = [];

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "forklift-engine-process-"));
  // inside the repository, as dist/electron is, so the bundle finds node_modules the same way
  mkdirSync(path.join(repositoryRoot, "dist"), { recursive: true });
  bundleDir = mkdtempSync(path.join(repositoryRoot, "dist", "electron-test-"));
  await buildElectron(bundleDir);
  bundle = path.join(bundleDir, "engine-host.cjs");
}, 60_000);
afterEach(async () => {
  await Promise.all(running.splice(0).map((engine) => engine.shutdown(5_000)));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

/** The main process's side: an engine child with a settings "store" in memory that records what it was asked to save. */
function startEngine(options: { storePath?: string; nodePath?: string; llm?: LlmSecrets; resourcesRoot?: string } = {}) {
  let llm: LlmSecrets = options.llm ?? {};
  const saved: SettingsPatch[] = [];
  const child = spawnNodeEngineChild(options.nodePath ?? process.execPath, bundle, { ...process.env, FORKLIFT_RESOURCES_ROOT: options.resourcesRoot ?? repositoryRoot });
  const engine = superviseEngine(child, {
    storePath: options.storePath ?? path.join(mkdtempSync(path.join(folder, "store-")), "forklift.db"),
    settings: { llm, keyStorage: "os-keychain" },
    saveSettings: async (patch) => {
      saved.push(patch);
      llm = patchLlmSettings(llm, patch);
      return { llm, keyStorage: "os-keychain" };
    },
    createChannel: standInPortPair,
    log: () => undefined,
  });
  running.push(engine);
  return { engine, saved };
}

/** A renderer on one connection: every raw message it receives, and a typed client over it. */
function connectRenderer(engine: EngineSupervisor): { port: MainPort; received: WireMessage[]; client: RpcClient } {
  const port = engine.connect();
  const received: WireMessage[] = [];
  const listeners = new Set<(message: WireMessage) => void>();
  port.on("message", ({ data }) => {
    received.push(data as WireMessage);
    for (const listener of listeners) listener(data as WireMessage);
  });
  const transport: Transport = { send: (message) => port.postMessage(message), onMessage: (listener) => (listeners.add(listener), () => listeners.delete(listener)) };
  return { port, received, client: createRpcClient(transport) };
}

const reply = (received: WireMessage[], id: number) =>
  expect.poll(() => received.find((message) => message.kind === "response" && message.id === id), { timeout: 10_000 }).toBeDefined();

describe("the engine process (Node child, development)", () => {
  it("starts, serves the contract over a connection and exits when shut down", async () => {
    const { engine } = startEngine();
    await engine.ready;
    const { client } = connectRenderer(engine);
    await expect(client.call("session/list", {})).resolves.toEqual([]);
    await engine.shutdown();
    await expect(engine.exited).resolves.toBe(0);
  });

  it("answers malformed messages with coded errors, never crashing", async () => {
    const { engine } = startEngine();
    await engine.ready;
    const { port, received, client } = connectRenderer(engine);
    port.postMessage("not a message");
    port.postMessage({ kind: "request", id: 41 });
    port.postMessage({ kind: "request", id: 42, method: "session/list", params: { unexpected: true } });
    port.postMessage({ kind: "request", id: 43, method: "shell/exec", params: { command: "rm -rf /" } });
    port.postMessage({ kind: "request", id: 44, method: "session/list", params: {}, __proto__: { polluted: true } });
    port.postMessage({ kind: "request", id: 45, method: "node/diff", params: { nodeId: 1, against: "parent" } });
    port.postMessage({ kind: "request", id: 46, method: "session/list", params: {}, extra: 1 });
    port.postMessage({ kind: "request", id: 47n, method: "session/list", params: {} });
    for (const id of [0, 41, 42, 43, 45, 46]) await reply(received, id);
    const errors = new Map(received.flatMap((message) => (message.kind === "response" && !message.ok ? [[message.id, message.error] as const] : [])));
    const withoutId = () => received.flatMap((message) => (message.kind === "response" && !message.ok && message.id === 0 ? [message.error] : []));
    await expect.poll(() => withoutId().length).toBe(2);
    expect(withoutId()).toEqual(
      expect.arrayContaining([
        { code: "invalid-input", message: "malformed message: Invalid input: expected object, received string" },
        // a BigInt cannot cross the development relay's JSON channel: the main process refuses it in the engine's words
        { code: "invalid-input", message: "malformed message: not serializable" },
      ]),
    );
    expect(errors.get(41)).toMatchObject({ code: "invalid-input", message: expect.stringContaining("method") });
    expect(errors.get(42)).toEqual({ code: "invalid-input", message: 'session/list: Unrecognized key: "unexpected"' });
    expect(errors.get(43)).toEqual({ code: "invalid-input", message: 'unknown method "shell/exec"' });
    expect(errors.get(45)).toMatchObject({ code: "invalid-input", message: expect.stringContaining("nodeId") });
    expect(errors.get(46)?.code).toBe("invalid-input");
    // the same engine still answers
    await expect(client.call("session/list", {})).resolves.toEqual([]);
  });

  it("keeps connections apart: one closing does not end the other", async () => {
    const { engine } = startEngine();
    await engine.ready;
    const first = connectRenderer(engine);
    const second = connectRenderer(engine);
    await expect(first.client.call("session/list", {})).resolves.toEqual([]);
    first.port.close();
    await expect(second.client.call("session/list", {})).resolves.toEqual([]);
    await expect(second.client.call("node/pin", { nodeId: "missing" })).rejects.toMatchObject({ code: "not-found" });
  });

  it("refuses to start on a file that is not a Forklift store, with the store's own one-line error", async () => {
    const notAStore = path.join(folder, "not-a-store.db");
    writeFileSync(notAStore, "this is a text file, not SQLite\n".repeat(200));
    const { engine } = startEngine({ storePath: notAStore });
    await expect(engine.ready).rejects.toSatisfy((error: unknown) => error instanceof ForkliftError && error.code === "store-corrupt" && !error.message.includes("\n"));
    await expect(engine.exited).resolves.toBe(1);
  });

  it("says what to do when Node.js cannot be found", async () => {
    const { engine } = startEngine({ nodePath: path.join(folder, "no-such-node") });
    await expect(engine.ready).rejects.toThrow(/Node\.js was not found at .*no-such-node.*set FORKLIFT_NODE/);
  });

  it("finds its runtime files (the demo) under the resources root the main process names", async () => {
    const { engine } = startEngine();
    await engine.ready;
    const { client } = connectRenderer(engine);
    const demo = await client.call("demo/prepare", {});
    expect(demo.specPath).toBe(path.join(repositoryRoot, "examples", "specs", "console-to-logger.yml"));
    expect(existsSync(path.join(demo.repoPath, ".git")) && existsSync(path.join(demo.repoPath, "package.json"))).toBe(true);
    rmSync(demo.repoPath, { recursive: true, force: true });

    const packaged = mkdtempSync(path.join(folder, "resources-"));
    cpSync(path.join(repositoryRoot, "examples"), path.join(packaged, "examples"), { recursive: true });
    const elsewhere = startEngine({ resourcesRoot: packaged });
    await elsewhere.engine.ready;
    const moved = await connectRenderer(elsewhere.engine).client.call("demo/prepare", {});
    expect(moved.specPath).toBe(path.join(packaged, "examples", "specs", "console-to-logger.yml"));
    rmSync(moved.repoPath, { recursive: true, force: true });
  });

  it("closes the renderer connections when the engine process dies", async () => {
    const { engine } = startEngine();
    await engine.ready;
    const { port } = connectRenderer(engine);
    let closed = false;
    port.on("close", () => (closed = true));
    await engine.shutdown(0);
    await expect.poll(() => closed).toBe(true);
  });
});

describe("settings through the engine process", () => {
  it("persist through the main process; the key reaches the engine but never a renderer", async () => {
    const key = "sk-forklift-test-4f1c9a77e2b0";
    const { engine, saved } = startEngine();
    await engine.ready;
    const { client, received } = connectRenderer(engine);
    const view = await client.call("settings/set", { llm: { baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5-coder:7b", apiKey: key } });
    expect(view).toEqual({ llm: { baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5-coder:7b", hasKey: true, keyStorage: "os-keychain" } });
    expect(saved).toEqual([{ llm: { baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5-coder:7b", apiKey: key } }]);
    await expect(client.call("settings/get", {})).resolves.toEqual(view);
    expect(JSON.stringify(received)).not.toContain(key);
  });

  it("start from what the main process decrypted", async () => {
    const { engine } = startEngine({ llm: { model: "gpt-4.1-mini", apiKey: "sk-from-keychain" } });
    await engine.ready;
    const { client, received } = connectRenderer(engine);
    await expect(client.call("settings/get", {})).resolves.toEqual({ llm: { model: "gpt-4.1-mini", hasKey: true, keyStorage: "os-keychain" } });
    expect(JSON.stringify(received)).not.toContain("sk-from-keychain");
  });
});
