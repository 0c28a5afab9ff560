import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { startScriptedOpenAiServer } from "./scripted-openai-server.ts";
import type { ScriptedOpenAiServer } from "./scripted-openai-server.ts";

let server: ScriptedOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const clientFor = (s: ScriptedOpenAiServer) => new OpenAI({ baseURL: s.baseUrl, apiKey: "test", maxRetries: 0 });
const ask = (client: OpenAI, content: string) =>
  client.chat.completions.create({ model: "m", messages: [{ role: "user", content }] });

describe("scripted OpenAI server (through the real openai client)", () => {
  it("answers from its queue, reports usage and records the requests", async () => {
    server = await startScriptedOpenAiServer({ replies: [{ kind: "text", content: "hello", usage: { promptTokens: 10, completionTokens: 2, cachedTokens: 4 } }] });
    const completion = await ask(clientFor(server), "hi");
    expect(completion.choices[0]?.message.content).toBe("hello");
    expect(completion.usage).toMatchObject({ prompt_tokens: 10, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 4 } });
    expect(server.chatRequests()).toHaveLength(1);
    expect(server.chatRequests()[0]?.body?.messages).toEqual([{ role: "user", content: "hi" }]);
    expect(server.chatRequests()[0]?.headers.authorization).toBe("Bearer test");
  });

  it("lists its models", async () => {
    server = await startScriptedOpenAiServer({ models: ["a", "b"] });
    const page = await clientFor(server).models.list();
    expect(page.data.map((m) => m.id)).toEqual(["a", "b"]);
  });

  it("sends errors the client maps to its error classes, with Retry-After", async () => {
    server = await startScriptedOpenAiServer({ replies: [{ kind: "error", status: 429, retryAfterSeconds: 2 }, { kind: "error", status: 500 }] });
    const client = clientFor(server);
    const limited = await ask(client, "x").catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect((limited as InstanceType<typeof OpenAI.RateLimitError>).headers.get("retry-after")).toBe("2");
    await expect(ask(client, "x")).rejects.toBeInstanceOf(OpenAI.InternalServerError);
  });

  it("answers with a function of the request", async () => {
    server = await startScriptedOpenAiServer({ replies: (request, index) => ({ kind: "text", content: `${index}:${request.body?.messages[0]?.content}` }) });
    const client = clientFor(server);
    expect((await ask(client, "a")).choices[0]?.message.content).toBe("0:a");
    expect((await ask(client, "b")).choices[0]?.message.content).toBe("1:b");
  });

  it("reports a shared prompt prefix as cached tokens, in whole 128-token blocks", async () => {
    server = await startScriptedOpenAiServer({ replies: () => ({ kind: "text", content: "ok" }), prefixCache: true });
    const client = clientFor(server);
    const shared = "x".repeat(4 * 1000);
    const first = await ask(client, `${shared} first`);
    const second = await ask(client, `${shared} second`);
    expect(first.usage?.prompt_tokens_details?.cached_tokens).toBe(0);
    expect(second.usage?.prompt_tokens_details?.cached_tokens).toBe(896);
  });

  it("closes a hanging request's socket on close()", async () => {
    server = await startScriptedOpenAiServer({ replies: [{ kind: "hang" }] });
    const pending = ask(new OpenAI({ baseURL: server.baseUrl, apiKey: "t", maxRetries: 0, timeout: 30_000 }), "x").catch((e: unknown) => e);
    await expect.poll(() => server?.chatRequests().length).toBe(1);
    expect(server.openConnections()).toBe(1);
    expect(server.chatRequests()[0]?.abandoned).toBe(false);
    await server.close();
    server = undefined;
    expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it("refuses streaming requests, which it does not implement", async () => {
    server = await startScriptedOpenAiServer({ replies: [{ kind: "text", content: "x" }] });
    await expect(
      clientFor(server).chat.completions.create({ model: "m", messages: [{ role: "user", content: "x" }], stream: true }),
    ).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });
});
