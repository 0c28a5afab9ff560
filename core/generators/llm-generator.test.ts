/**
 * The llm generator through the real openai client against a real HTTP server on 127.0.0.1
 * speaking the chat-completions protocol with scripted replies.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ProvenanceSchema } from "../../shared/domain/provenance.ts";
import { applyEditText } from "../edits/index.ts";
import type { RetryPolicy } from "./call-with-retries.ts";
import type { GeneratedHypothesis } from "./generator.ts";
import { isInfrastructureFault, toProvenanceRecord } from "./generator.ts";
import { createLimiter } from "./limiter.ts";
import { createLlmGenerator } from "./llm-generator.ts";
import type { LlmGeneratorOptions } from "./llm-generator.ts";
import { costOf } from "./price-table.ts";
import { startScriptedOpenAiServer } from "./testing/scripted-openai-server.ts";
import type { RecordedRequest, ScriptedOpenAiServer, ScriptedReply } from "./testing/scripted-openai-server.ts";
import { correctReply, driftedReply, malformedReply, migratedOrders, orderContext, orderFiles, truncatedReply, wrongReply } from "./testing/order-fixture.ts";

let server: ScriptedOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fastRetries: RetryPolicy = { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 5_000 };

async function serve(replies: ScriptedReply[] | ((request: RecordedRequest, index: number) => ScriptedReply)) {
  server = await startScriptedOpenAiServer({ replies });
  return server;
}

function generator(s: ScriptedOpenAiServer, options: Partial<LlmGeneratorOptions> = {}) {
  return createLlmGenerator({
    endpoint: { baseUrl: s.baseUrl, model: "scripted-model", apiKey: "test-key", hasKey: true },
    timeoutMs: 5_000,
    retry: fastRetries,
    ...options,
  });
}

/** The sample index the prompt asks for, and whether the request is a repair turn. */
function sampleOf(request: RecordedRequest): { sample: number; repair: boolean } {
  const first = request.body?.messages[1]?.content ?? "";
  const match = /\(Sample (\d+) of \d+\.\)/.exec(first);
  return { sample: Number(match?.[1]) - 1, repair: (request.body?.messages.length ?? 0) > 2 };
}

const valid = (h: GeneratedHypothesis | undefined) => {
  if (h?.kind !== "valid") throw new Error(`expected a valid hypothesis, got ${JSON.stringify(h)}`);
  return h;
};
const invalid = (h: GeneratedHypothesis | undefined) => {
  if (h?.kind !== "invalid") throw new Error(`expected an invalid hypothesis, got ${JSON.stringify(h)}`);
  return h;
};

describe("llm generator", () => {
  it("handles every kind of reply in one run: good ones become changes, bad ones are marked with the reason", async () => {
    // Sample → first reply, repair reply (when asked).
    const script: Record<number, [ScriptedReply, ScriptedReply?]> = {
      0: [{ kind: "text", content: correctReply }],
      1: [{ kind: "text", content: driftedReply }],
      2: [{ kind: "text", content: wrongReply }, { kind: "text", content: wrongReply }],
      3: [{ kind: "text", content: malformedReply }, { kind: "text", content: truncatedReply }],
      4: [{ kind: "error", status: 500, message: "model crashed" }],
      5: [{ kind: "hang" }],
      6: [{ kind: "raw", status: 200, body: "<html>proxy error</html>", contentType: "application/json" }],
    };
    const s = await serve((request) => {
      const { sample, repair } = sampleOf(request);
      const [first, second] = script[sample]!;
      return (repair ? second : first) ?? first;
    });
    const started = Date.now();
    const hypotheses = await generator(s, { timeoutMs: 800 }).generate(orderContext({ k: 7 }));
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(hypotheses.map((h) => h.sample)).toEqual([0, 1, 2, 3, 4, 5, 6]);

    expect(valid(hypotheses[0]).changes).toEqual({ "src/orders.ts": migratedOrders });
    expect(valid(hypotheses[1]).changes).toEqual({ "src/orders.ts": migratedOrders });
    // The drifted reply needed the loose matcher: the exact-only baseline refuses it.
    expect(applyEditText(orderFiles, driftedReply, { baseline: true }).kind).toBe("failed");
    expect(hypotheses[1]?.provenance.repaired).toBe(false);

    const wrong = invalid(hypotheses[2]);
    expect(wrong.reason.kind).toBe("edits-did-not-apply");
    expect(wrong.reason.message).toContain("after one repair round");
    expect(wrong.provenance.repaired).toBe(true);
    expect(wrong.source).toEqual({ kind: "llm", editBlocks: wrongReply });

    const malformed = invalid(hypotheses[3]);
    expect(malformed.reason.kind).toBe("malformed-reply");
    expect(malformed.reason.message).toMatch(/truncated/);

    const failed = invalid(hypotheses[4]);
    expect(failed.reason).toMatchObject({ kind: "endpoint-error", status: 500 });
    expect(failed.reason.message).toContain("model crashed");
    expect(failed.provenance.attempts).toBe(3);

    expect(invalid(hypotheses[5]).reason.kind).toBe("timeout");
    expect(invalid(hypotheses[6]).reason.kind).toBe("endpoint-error");
    expect(invalid(hypotheses[6]).reason.message).toMatch(/could not be read/);

    expect(hypotheses.slice(2).map((h) => (h.kind === "invalid" ? isInfrastructureFault(h.reason) : undefined))).toEqual([false, false, true, true, true]);
    // What the store keeps of each provenance passes its strict schema.
    for (const h of hypotheses) expect(() => ProvenanceSchema.parse(toProvenanceRecord(h.provenance))).not.toThrow();
  });

  it("times a hanging endpoint out within the configured timeout, without retrying it", async () => {
    const s = await serve([{ kind: "hang" }]);
    const started = Date.now();
    const [hypothesis] = await generator(s, { timeoutMs: 400 }).generate(orderContext());
    const elapsed = Date.now() - started;
    const reason = invalid(hypothesis).reason;
    expect(reason).toEqual({ kind: "timeout", message: "no answer within 400 ms" });
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1_500);
    expect(hypothesis?.provenance.attempts).toBe(1);
    expect(s.chatRequests()).toHaveLength(1);
    await expect.poll(() => s.chatRequests()[0]?.abandoned).toBe(true);
  });

  it("waits out a 429's Retry-After, then succeeds, and counts the retry", async () => {
    const s = await serve([
      { kind: "error", status: 429, message: "Rate limit reached", retryAfterSeconds: 1 },
      { kind: "text", content: correctReply },
    ]);
    const [hypothesis] = await generator(s).generate(orderContext());
    const ok = valid(hypothesis);
    expect(ok.provenance).toMatchObject({ attempts: 2, retries: 1, repaired: false });
    const [first, second] = s.chatRequests();
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(1_000);
    // Same request again: the retry is a resend, not a new sample.
    expect(second!.body).toEqual(first!.body);
  });

  it("gives up on a 429 that asks for a longer wait than allowed", async () => {
    const s = await serve([{ kind: "error", status: 429, retryAfterSeconds: 3_600 }]);
    const [hypothesis] = await generator(s).generate(orderContext());
    const reason = invalid(hypothesis).reason;
    expect(reason.kind).toBe("endpoint-error");
    expect(reason.message).toMatch(/asks to wait 3600 s, longer than the 5 s allowed/);
    expect(s.chatRequests()).toHaveLength(1);
  });

  it("retries a 500 with backoff, then gives up with a clear reason", async () => {
    const s = await serve(() => ({ kind: "error", status: 500, message: "upstream overloaded" }));
    const [hypothesis] = await generator(s).generate(orderContext());
    const failed = invalid(hypothesis);
    expect(failed.reason).toEqual({ kind: "endpoint-error", status: 500, message: "HTTP 500: 500 upstream overloaded" });
    expect(failed.provenance).toMatchObject({ attempts: 3, retries: 2 });
    expect(s.chatRequests()).toHaveLength(3);
  });

  it("does not retry a 4xx other than 429 (a wrong model name will not fix itself)", async () => {
    const s = await serve([{ kind: "error", status: 404, message: "model 'nope' not found" }]);
    const [hypothesis] = await generator(s).generate(orderContext());
    expect(invalid(hypothesis).reason).toMatchObject({ kind: "endpoint-error", status: 404 });
    expect(s.chatRequests()).toHaveLength(1);
  });

  it("repairs once: sends the applier's exact error back as a follow-up turn and can succeed", async () => {
    const s = await serve([
      { kind: "text", content: wrongReply },
      { kind: "text", content: correctReply },
    ]);
    const [hypothesis] = await generator(s).generate(orderContext());
    const ok = valid(hypothesis);
    expect(ok.changes).toEqual({ "src/orders.ts": migratedOrders });
    expect(ok.provenance).toMatchObject({ repaired: true, attempts: 2, retries: 0 });
    expect(ok.source).toEqual({ kind: "llm", editBlocks: correctReply });

    const [first, repair] = s.chatRequests();
    const messages = repair!.body!.messages;
    expect(messages.slice(0, 2)).toEqual(first!.body!.messages);
    expect(messages[2]).toEqual({ role: "assistant", content: wrongReply });
    expect(messages[3]?.role).toBe("user");
    const applierError = applyEditText(orderFiles, wrongReply);
    expect(applierError.kind).toBe("failed");
    expect(messages[3]?.content).toContain(applierError.kind === "failed" ? applierError.message : "?");
    expect(messages).toHaveLength(4);
  });

  it("gives a reply with no blocks its repair round too", async () => {
    const s = await serve([
      { kind: "text", content: malformedReply },
      { kind: "text", content: correctReply },
    ]);
    const [hypothesis] = await generator(s).generate(orderContext());
    expect(valid(hypothesis).provenance.repaired).toBe(true);
    expect(s.chatRequests()[1]?.body?.messages[3]?.content).toMatch(/no SEARCH\/REPLACE block/);
  });

  it("lays siblings' prompts out with one long identical prefix; only the tail varies", async () => {
    const s = await serve(() => ({ kind: "text", content: correctReply }));
    const hint = "Keep the message strings as they are.";
    await generator(s, { temperatures: [0, 1] }).generate(orderContext({ k: 3, hint }));
    const requests = s.chatRequests();
    expect(requests).toHaveLength(3);
    const bodies = requests.map((r) => r.body!).sort((a, b) => (a.seed ?? 0) - (b.seed ?? 0));
    expect(new Set(bodies.map((b) => b.messages[0]?.content)).size).toBe(1);
    const users = bodies.map((b) => b.messages[1]!.content);
    const shared = commonPrefix(users);
    // Everything but the hint and sample line is shared, and the shared part carries the files.
    for (const user of users) expect(user.slice(shared.length).split("\n").length).toBeLessThanOrEqual(2);
    expect(shared).toContain("# Goal");
    expect(shared).toContain('\n  console.log("placing order", id);\n');
    expect(shared).not.toMatch(/^\s*\d+ \| /m);
    expect(shared).toContain("src/orders.ts:4 (no-console)");
    expect(shared).toContain("Unexpected console statement.");
    expect(users[0]!.endsWith(`Hint from the user: ${hint}\n(Sample 1 of 3.)`)).toBe(true);
    expect(bodies.map((b) => b.temperature)).toEqual([0, 0.5, 1]);
    expect(bodies.map((b) => b.seed)).toEqual([7, 8, 9]);
  });

  it("records tokens in, out and cached, cost and latency per hypothesis", async () => {
    const s = await serve([
      { kind: "text", content: wrongReply, usage: { promptTokens: 1_000, completionTokens: 50, cachedTokens: 0 }, delayMs: 60 },
      { kind: "text", content: correctReply, usage: { promptTokens: 1_100, completionTokens: 150, cachedTokens: 1_024 }, delayMs: 60 },
    ]);
    const gen = createLlmGenerator({
      endpoint: { baseUrl: s.baseUrl, model: "gpt-4.1-mini", apiKey: "k", hasKey: true },
      retry: fastRetries,
    });
    const [hypothesis] = await gen.generate(orderContext());
    const { provenance } = valid(hypothesis);
    expect(provenance).toMatchObject({ model: "gpt-4.1-mini", tokensIn: 2_100, tokensOut: 200, tokensCached: 1_024, costKnown: true });
    expect(provenance.costUsd).toBeCloseTo(costOf("gpt-4.1-mini", { input: 2_100, output: 200, cached: 1_024 }).usd, 12);
    expect(provenance.costUsd).toBeCloseTo((1_076 * 0.4 + 1_024 * 0.1 + 200 * 1.6) / 1e6, 12);
    expect(provenance.latencyMs).toBeGreaterThanOrEqual(110);
    expect(provenance.promptHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gets siblings' shared prefix served from a prefix-caching server's cache", async () => {
    server = await startScriptedOpenAiServer({ replies: () => ({ kind: "text", content: correctReply }), prefixCache: true });
    const hypotheses = await generator(server, { llmCallsAtOnce: 1 }).generate(orderContext({ k: 3 }));
    const cached = hypotheses.map((h) => h.provenance.tokensCached);
    expect(cached[0]).toBe(0);
    for (const [i, h] of hypotheses.entries()) {
      if (i === 0) continue;
      // The server caches whole 128-token blocks of the longest prefix seen before: all but the tail.
      expect(h.provenance.tokensCached).toBeGreaterThan(0);
      expect(h.provenance.tokensIn - h.provenance.tokensCached).toBeLessThan(128 + 16);
    }
  });

  it("marks unknown models' cost as unknown (0)", async () => {
    const s = await serve([{ kind: "text", content: correctReply }]);
    const [hypothesis] = await generator(s).generate(orderContext());
    expect(hypothesis?.provenance).toMatchObject({ costUsd: 0, costKnown: false });
    expect(hypothesis?.provenance.tokensIn).toBeGreaterThan(0);
  });

  it("cancels in-flight calls when the signal aborts", async () => {
    const s = await serve(() => ({ kind: "hang" }));
    const controller = new AbortController();
    const seen: GeneratedHypothesis[] = [];
    const running = generator(s, { timeoutMs: 30_000 }).generate(orderContext({ k: 3, signal: controller.signal, onHypothesis: (h) => seen.push(h) }));
    await expect.poll(() => s.chatRequests().length).toBe(3);
    const aborted = Date.now();
    controller.abort();
    const hypotheses = await running;
    expect(Date.now() - aborted).toBeLessThan(1_000);
    expect(hypotheses.map((h) => (h.kind === "invalid" ? h.reason.kind : h.kind))).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect(seen).toHaveLength(3);
    // The client hung up on every request: nothing is left waiting on the server.
    await expect.poll(() => s.chatRequests().every((r) => r.abandoned)).toBe(true);
  });

  it("cancels samples still waiting for a slot of the limiter without sending them", async () => {
    const s = await serve(() => ({ kind: "hang" }));
    const controller = new AbortController();
    const running = generator(s, { timeoutMs: 30_000, llmCallsAtOnce: 1 }).generate(orderContext({ k: 3, signal: controller.signal }));
    await expect.poll(() => s.chatRequests().length).toBe(1);
    controller.abort();
    const hypotheses = await running;
    expect(hypotheses.every((h) => h.kind === "invalid" && h.reason.kind === "cancelled")).toBe(true);
    expect(s.chatRequests()).toHaveLength(1);
  });

  it("never has more calls in flight than llmCallsAtOnce, across generators sharing the limiter", async () => {
    let inFlight = 0;
    let peak = 0;
    const s = await serve(() => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => inFlight--, 80);
      return { kind: "text", content: correctReply, delayMs: 80 };
    });
    const limiter = createLimiter(2);
    const results = await Promise.all([generator(s, { limiter }).generate(orderContext({ k: 3 })), generator(s, { limiter }).generate(orderContext({ k: 3 }))]);
    expect(results.flat().every((h) => h.kind === "valid")).toBe(true);
    expect(s.chatRequests()).toHaveLength(6);
    expect(peak).toBe(2);
  });

  it("asks reasoning models without a temperature (they accept only their default) and with max_completion_tokens", async () => {
    const s = await serve(() => ({ kind: "text", content: correctReply }));
    const gen = createLlmGenerator({ endpoint: { baseUrl: s.baseUrl, model: "o4-mini", apiKey: "k", hasKey: true } });
    await gen.generate(orderContext({ k: 2 }));
    for (const request of s.chatRequests()) {
      expect(request.body).not.toHaveProperty("temperature");
      expect(request.body).not.toHaveProperty("max_tokens");
      expect(request.body?.max_completion_tokens).toBe(4096);
    }
  });

  it("sends the placeholder key as a bearer token, and max_tokens, to local endpoints", async () => {
    const s = await serve([{ kind: "text", content: correctReply }]);
    const gen = createLlmGenerator({ endpoint: { baseUrl: s.baseUrl, model: "qwen2.5-coder:7b", apiKey: "forklift-no-key", hasKey: false }, maxOutputTokens: 2048 });
    await gen.generate(orderContext());
    expect(s.chatRequests()[0]?.headers.authorization).toBe("Bearer forklift-no-key");
    expect(s.chatRequests()[0]?.body).toMatchObject({ model: "qwen2.5-coder:7b", max_tokens: 2048, temperature: 0.2, seed: 7 });
  });

  it("notes a reply cut off at the output limit in the reason", async () => {
    const s = await serve([
      { kind: "text", content: truncatedReply, finishReason: "length" },
      { kind: "text", content: truncatedReply, finishReason: "length" },
    ]);
    const [hypothesis] = await generator(s, { maxOutputTokens: 64 }).generate(orderContext());
    expect(invalid(hypothesis).reason.message).toContain("cut off at the 64-token output limit");
    expect(s.chatRequests()[1]?.body?.messages[3]?.content).toContain("cut off at the 64-token output limit");
  });
});

function commonPrefix(texts: string[]): string {
  const [first = "", ...rest] = texts;
  let n = first.length;
  for (const text of rest) {
    let i = 0;
    while (i < n && i < text.length && text[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}

describe("llm generator without a server", () => {
  it("retries a refused connection, then says the endpoint could not be reached", async () => {
    const s = await startScriptedOpenAiServer();
    const baseUrl = s.baseUrl;
    await s.close();
    const gen = createLlmGenerator({ endpoint: { baseUrl, model: "m", apiKey: "k", hasKey: true }, retry: { ...fastRetries, maxRetries: 1 } });
    const [hypothesis] = await gen.generate(orderContext());
    expect(hypothesis?.kind === "invalid" && hypothesis.reason).toEqual({
      kind: "unreachable",
      message: "could not reach the endpoint (ECONNREFUSED): is the server running at that URL?",
    });
    expect(hypothesis?.provenance.attempts).toBe(2);
  });
});
