// system/status and system/checkLlm without Docker: the daemon's absence classified with its remedy,
// the LLM configuration from the settings and the environment, and the endpoint checked for real.
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SystemStatusSchema } from "../../shared/protocol/system-status.ts";
import { startScriptedOpenAiServer } from "../generators/testing/scripted-openai-server.ts";
import type { ScriptedOpenAiServer } from "../generators/testing/scripted-openai-server.ts";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";

const goodReply = 'src/greet.ts\n<<<<<<< SEARCH\n  return "Hello, " + name;\n=======\n  return `Hello, ${name}`;\n>>>>>>> REPLACE';
const version = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
const missingSocket = "unix:///nonexistent/forklift-test/docker.sock";

let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine | undefined;
let server: ScriptedOpenAiServer | undefined;

beforeEach(() => {
  temp = tempStoreDir();
  store = openStore(temp.file());
});

afterEach(async () => {
  await engine?.close();
  await server?.close();
  store.close();
  temp.remove();
  engine = undefined;
  server = undefined;
});

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("system/status", () => {
  it("tells a Docker that is not running from one that is not installed, each with its remedy, and the base image as unknown", async () => {
    engine = createEngine({ store, env: { DOCKER_HOST: missingSocket, PATH: process.env.PATH ?? "" } });
    const installed = await engine.api["system/status"]({});
    expect(SystemStatusSchema.parse(installed)).toEqual(installed);
    expect(installed.docker).toMatchObject({ state: "not-running", message: expect.stringMatching(/start it/) });
    expect(installed.baseImage).toMatchObject({ name: "forklift/node-base:20", state: "unknown" });
    expect(installed).toMatchObject({ storePath: temp.file(), version });
    await engine.close();

    engine = createEngine({ store, env: { DOCKER_HOST: missingSocket, PATH: "/nonexistent" } });
    expect((await engine.api["system/status"]({})).docker).toMatchObject({ state: "not-installed", message: expect.stringMatching(/install Docker Engine/) });
  });

  it("reports the LLM endpoint the settings and the environment configure, or what is missing", async () => {
    engine = createEngine({ store, sandbox: { kind: "host" }, env: { DOCKER_HOST: missingSocket } });
    expect((await engine.api["system/status"]({})).llm).toEqual({ state: "not-configured", message: expect.stringMatching(/^no LLM model set: .* or choose one in the studio's settings$/) });
    await engine.api["settings/set"]({ llm: { model: "qwen2.5-coder:7b" } });
    // OpenAI's endpoint without a key is not configured either
    expect((await engine.api["system/status"]({})).llm).toMatchObject({ state: "not-configured", message: expect.stringMatching(/OPENAI_API_KEY is not set/) });
    await engine.api["settings/set"]({ llm: { baseUrl: "http://127.0.0.1:11434/v1" } });
    expect((await engine.api["system/status"]({})).llm).toEqual({ state: "configured", baseUrl: "http://127.0.0.1:11434/v1", model: "qwen2.5-coder:7b" });
  });
});

describe("system/checkLlm", () => {
  it("lists the endpoint's models and gets one edit that applies", async () => {
    server = await startScriptedOpenAiServer({ models: ["coder-1", "coder-2"], replies: [{ kind: "text", content: goodReply }] });
    engine = createEngine({ store, sandbox: { kind: "host" }, env: { OPENAI_BASE_URL: server.baseUrl, FORKLIFT_MODEL: "coder-2" } });
    const check = await engine.api["system/checkLlm"]({});
    expect(check).toMatchObject({ ok: true, models: ["coder-1", "coder-2"], message: expect.stringContaining("models: coder-2 is listed") });
    expect(check.message).toContain("edit: applied");
    expect(check.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("says what failed: nothing configured, nothing listening, a model the endpoint rejects", async () => {
    engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
    expect(await engine.api["system/checkLlm"]({})).toEqual({ ok: false, message: expect.stringMatching(/^no LLM model set/) });

    await engine.api["settings/set"]({ llm: { baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, model: "m" } });
    const refused = await engine.api["system/checkLlm"]({});
    expect(refused.ok).toBe(false);
    expect(refused.message).toMatch(/listing failed/);

    server = await startScriptedOpenAiServer({ models: ["other"], replies: [{ kind: "error", status: 404, message: "model m not found" }] });
    await engine.api["settings/set"]({ llm: { baseUrl: server.baseUrl } });
    const rejected = await engine.api["system/checkLlm"]({});
    expect(rejected).toMatchObject({ ok: false, models: ["other"], message: expect.stringContaining("m is NOT among the 1 listed") });
  });
});
