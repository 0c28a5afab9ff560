/**
 * An end-to-end check of an LLM endpoint before a run spends anything on it: does it list the
 * model, and can the model turn a one-line goal into SEARCH/REPLACE blocks that apply?
 */
import OpenAI from "openai";
import type { GeneratedHypothesis } from "./generator.ts";
import type { LlmEndpoint } from "./llm-endpoint.ts";
import { createLlmGenerator } from "./llm-generator.ts";

/** What {@link checkLlmEndpoint} found. */
export interface EndpointCheck {
  /** The models `GET /models` listed, or why the listing failed (some servers do not implement it). */
  models: { kind: "listed"; ids: string[] } | { kind: "unavailable"; message: string };
  /** The one hypothesis asked for: valid when the endpoint works for Forklift. */
  hypothesis: GeneratedHypothesis;
}

const sampleFile = "src/greet.ts";
const sampleContent = 'export function greet(name: string): string {\n  return "Hello, " + name;\n}\n';

/** Lists models and asks for one small edit through the real llm generator (K = 1, no retries). */
export async function checkLlmEndpoint(endpoint: LlmEndpoint, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<EndpointCheck> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const signal = options.signal ?? new AbortController().signal;
  const client = new OpenAI({ baseURL: endpoint.baseUrl, apiKey: endpoint.apiKey, maxRetries: 0, timeout: timeoutMs });
  let models: EndpointCheck["models"];
  try {
    const page = await client.models.list({ signal });
    models = { kind: "listed", ids: page.data.map((m) => m.id) };
  } catch (error) {
    models = { kind: "unavailable", message: error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error) };
  }
  const generator = createLlmGenerator({ endpoint, timeoutMs, retry: { maxRetries: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0 }, maxOutputTokens: 512 });
  const [hypothesis] = await generator.generate({
    goal: "Use a template literal instead of string concatenation.",
    sites: [{ ruleId: "string-concat", file: sampleFile, text: '"Hello, " + name', range: { start: { line: 2, column: 10 }, end: { line: 2, column: 26 } } }],
    files: async (path) => (path === sampleFile ? sampleContent : undefined),
    diagnostics: [],
    k: 1,
    seed: 0,
    signal,
  });
  return { models, hypothesis: hypothesis! };
}

/** The check as lines for a terminal; `ok` is true when the hypothesis applied. */
export function describeEndpointCheck(endpoint: LlmEndpoint, check: EndpointCheck): { ok: boolean; lines: string[] } {
  const lines = [`endpoint ${endpoint.baseUrl}, model ${endpoint.model}, ${endpoint.hasKey ? "API key set" : "no API key (placeholder sent)"}`];
  if (check.models.kind === "listed") {
    const listed = check.models.ids.includes(endpoint.model);
    lines.push(listed ? `models: ${endpoint.model} is listed` : `models: ${endpoint.model} is NOT among the ${check.models.ids.length} listed (${check.models.ids.slice(0, 8).join(", ")})`);
  } else {
    lines.push(`models: listing failed (${check.models.message})`);
  }
  const { hypothesis } = check;
  const p = hypothesis.provenance;
  const cost = p.costKnown ? `$${p.costUsd.toFixed(6)}` : "cost unknown (model not in the price table)";
  lines.push(`tokens: ${p.tokensIn} in (${p.tokensCached} cached), ${p.tokensOut} out; ${cost}; ${p.latencyMs} ms; ${p.attempts} request(s)`);
  if (hypothesis.kind === "valid") {
    lines.push(`edit: applied${p.repaired ? " after a repair round" : ""}`);
    return { ok: true, lines };
  }
  lines.push(`edit: FAILED (${hypothesis.reason.kind}): ${hypothesis.reason.message.split("\n")[0]}`);
  return { ok: false, lines };
}
