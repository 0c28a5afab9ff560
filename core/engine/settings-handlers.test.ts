// settings/get and settings/set: the user's LLM endpoint, model and key, used by the generators in
// preference to the environment; the key never comes back to a client, nor into the store or a log.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createRpcClient } from "../../shared/protocol/rpc-client.ts";
import { serveRpc } from "../../shared/protocol/serve-rpc.ts";
import { createInProcessTransportPair } from "../../shared/protocol/wire.ts";
import { startScriptedOpenAiServer } from "../generators/testing/scripted-openai-server.ts";
import type { ScriptedOpenAiServer } from "../generators/testing/scripted-openai-server.ts";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { correctReply } from "./testing/sample-replies.ts";
import { writeSampleSpec } from "./testing/sample-spec.ts";
import { memoryUserSettings } from "./user-settings.ts";

const secret = "sk-studio-0123456789-never-shown";

let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;
let server: ScriptedOpenAiServer | undefined;
let repo: TempRepo | undefined;

beforeEach(() => {
  temp = tempStoreDir();
  store = openStore(temp.file());
});

afterEach(async () => {
  await engine.close();
  store.close();
  temp.remove();
  await server?.close();
  await repo?.remove();
  server = undefined;
  repo = undefined;
});

describe("settings/get and settings/set", () => {
  it("says where the key comes from without ever returning it; null or blank clears a field", async () => {
    engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
    expect(await engine.api["settings/get"]({})).toEqual({ llm: { hasKey: false, keyStorage: "none" } });
    await engine.close();

    engine = createEngine({ store, sandbox: { kind: "host" }, env: { OPENAI_API_KEY: "sk-env" } });
    expect(await engine.api["settings/get"]({})).toEqual({ llm: { hasKey: true, keyStorage: "environment" } });
    const set = await engine.api["settings/set"]({ llm: { baseUrl: "http://127.0.0.1:9/v1", model: " qwen2.5-coder:7b ", apiKey: secret } });
    expect(set).toEqual({ llm: { baseUrl: "http://127.0.0.1:9/v1", model: "qwen2.5-coder:7b", hasKey: true, keyStorage: "memory" } });
    expect(JSON.stringify(set)).not.toContain(secret);
    expect(await engine.api["settings/get"]({})).toEqual(set);

    const cleared = await engine.api["settings/set"]({ llm: { apiKey: null, model: "  " } });
    expect(cleared).toEqual({ llm: { baseUrl: "http://127.0.0.1:9/v1", hasKey: true, keyStorage: "environment" } });
  });

  it("refuses a patch that is not one (a URL that is not, an unknown field) with invalid-input, over the wire", async () => {
    engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
    const [clientSide, serverSide] = createInProcessTransportPair();
    serveRpc(serverSide, engine.api, engine.events);
    const client = createRpcClient(clientSide);
    await expect(client.call("settings/set", { llm: { baseUrl: "not a url" } })).rejects.toMatchObject({ code: "invalid-input" });
    await expect(client.call("settings/set", { llm: { apiKey: "" } })).rejects.toMatchObject({ code: "invalid-input" });
    await expect(client.call("settings/set", { llm: {}, theme: "dark" } as never)).rejects.toMatchObject({ code: "invalid-input" });
    expect(await client.call("settings/get", {})).toEqual({ llm: { hasKey: false, keyStorage: "none" } });
    client.close();
  });

  it("is what the generators use before the environment: a run reaches the settings' endpoint with the settings' key, which no event, log or store page holds", async () => {
    server = await startScriptedOpenAiServer({ models: ["scripted-model"], replies: () => ({ kind: "text", content: correctReply }) });
    repo = await makeSampleRepo();
    engine = createEngine({
      store,
      sandbox: { kind: "host" },
      // the environment names another endpoint and key: the settings must win
      env: { OPENAI_BASE_URL: "http://127.0.0.1:1/v1", OPENAI_API_KEY: "sk-env-not-this-one" },
      settings: memoryUserSettings(),
    });
    const seen: string[] = [];
    engine.events.subscribe((event) => seen.push(JSON.stringify(event)));
    await engine.api["settings/set"]({ llm: { baseUrl: server.baseUrl, apiKey: secret } });
    // no baseUrl in the spec: the settings' endpoint is used
    const specPath = writeSampleSpec({ generators: "  llm:\n    model: scripted-model\n", beamWidth: 1, hypothesesPerNode: 1, maxDepth: 2 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    expect((await engine.settled(session.id)).reason).toMatch(/^solution/);

    const chats = server.chatRequests();
    expect(chats.length).toBeGreaterThan(0);
    for (const request of chats) expect(request.headers.authorization).toBe(`Bearer ${secret}`);
    expect(seen.join("\n")).not.toContain(secret);
    // the store's file and its write-ahead log
    for (const file of readdirSync(temp.dir)) expect(readFileSync(path.join(temp.dir, file)).includes(secret), file).toBe(false);
  });
});
