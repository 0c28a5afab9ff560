/**
 * The llm generator: K samples per node from any OpenAI-compatible endpoint, each asked for
 * SEARCH/REPLACE blocks, applied by core/edits, with one repair round when they do not apply.
 * Samples share one prompt prefix (cacheable), differ in temperature, seed and their tail, and
 * run through a shared limiter so the endpoint never sees more than `llmCallsAtOnce` calls.
 */
import OpenAI from "openai";
import { applyEditReply } from "./apply-edit-reply.ts";
import type { EditReplyResult } from "./apply-edit-reply.ts";
import { describeCallFailure, defaultRetryPolicy } from "./call-with-retries.ts";
import type { CallFailure, RetryPolicy } from "./call-with-retries.ts";
import { chatCall } from "./chat-call.ts";
import type { ChatReply, ChatRequest } from "./chat-call.ts";
import { buildEditPrompt, buildSharedPrompt, promptHash, repairMessage } from "./edit-prompt.ts";
import type { ChatMessage, EditPromptOptions } from "./edit-prompt.ts";
import type { FileLookup, GeneratedHypothesis, GenerationProvenance, Generator, GeneratorContext, HypothesisSource, InvalidReason } from "./generator.ts";
import { createLimiter } from "./limiter.ts";
import type { Limiter } from "./limiter.ts";
import type { LlmEndpoint } from "./llm-endpoint.ts";
import { costOf, defaultPriceTable } from "./price-table.ts";
import type { PriceTable, TokenUsage } from "./price-table.ts";
import { sampleTemperature } from "./sample-temperature.ts";

/** Options of {@link createLlmGenerator}; only `endpoint` is required. */
export interface LlmGeneratorOptions {
  endpoint: LlmEndpoint;
  /** Shared across generators of a run; when absent one is made with `llmCallsAtOnce`. */
  limiter?: Limiter;
  /** Calls in flight at once when no limiter is given (default 4). */
  llmCallsAtOnce?: number;
  /** Samples spread evenly from the lowest to the highest (default 0.2 → 0.8). */
  temperatures?: readonly number[];
  /** Limit for one HTTP request, headers and body (default 120 s). */
  timeoutMs?: number;
  retry?: RetryPolicy;
  /** Output-token limit per call (default 4096). */
  maxOutputTokens?: number;
  prices?: PriceTable;
  prompt?: EditPromptOptions;
  /** Jitter source; injectable for deterministic tests. */
  random?: () => number;
  /** Turns a reply into file changes; core/edits by default. */
  applyReply?: (reply: string, files: FileLookup) => Promise<EditReplyResult>;
}

/** Creates the llm generator for one endpoint. */
export function createLlmGenerator(options: LlmGeneratorOptions): Generator {
  const { endpoint } = options;
  const client = new OpenAI({ baseURL: endpoint.baseUrl, apiKey: endpoint.apiKey, maxRetries: 0, timeout: options.timeoutMs ?? 120_000 });
  const limiter = options.limiter ?? createLimiter(options.llmCallsAtOnce ?? 4);
  const settings: SampleSettings = {
    client,
    limiter,
    model: endpoint.model,
    timeoutMs: options.timeoutMs ?? 120_000,
    retry: options.retry ?? defaultRetryPolicy,
    maxOutputTokens: options.maxOutputTokens ?? 4096,
    prices: options.prices ?? defaultPriceTable,
    random: options.random ?? Math.random,
    applyReply: options.applyReply ?? applyEditReply,
    // OpenAI's newer models refuse max_tokens; many local servers know only max_tokens.
    outputLimitField: new URL(endpoint.baseUrl).hostname === "api.openai.com" || isReasoningModel(endpoint.model) ? "max_completion_tokens" : "max_tokens",
    fixedTemperature: isReasoningModel(endpoint.model),
  };
  const temperatures = options.temperatures ?? [0.2, 0.8];

  return {
    kind: "llm",
    endpoint: endpoint.baseUrl,
    async generate(context) {
      const shared = await buildSharedPrompt(context, options.prompt);
      const samples = Array.from({ length: context.k }, async (_, sample) => {
        const hypothesis = await runSample(settings, context, shared, sample, settings.fixedTemperature ? undefined : sampleTemperature(sample, context.k, temperatures));
        context.onHypothesis?.(hypothesis);
        return hypothesis;
      });
      return Promise.all(samples);
    },
  };
}

interface SampleSettings {
  client: OpenAI;
  limiter: Limiter;
  model: string;
  timeoutMs: number;
  retry: RetryPolicy;
  maxOutputTokens: number;
  prices: PriceTable;
  random: () => number;
  applyReply: (reply: string, files: FileLookup) => Promise<EditReplyResult>;
  outputLimitField: ChatRequest["outputLimitField"];
  fixedTemperature: boolean;
}

/** What the calls of one sample added up to. */
interface Tally {
  usage: TokenUsage;
  latencyMs: number;
  attempts: number;
  retries: number;
}

/** One sample: first call, apply, and at most one repair round. Never throws. */
async function runSample(
  settings: SampleSettings,
  context: GeneratorContext,
  shared: string,
  sample: number,
  temperature: number | undefined,
): Promise<GeneratedHypothesis> {
  const prompt = buildEditPrompt(shared, { sample, k: context.k, ...(context.hint !== undefined && { hint: context.hint }) });
  const tally: Tally = { usage: { input: 0, output: 0, cached: 0 }, latencyMs: 0, attempts: 0, retries: 0 };
  const provenance = (repaired: boolean): GenerationProvenance => {
    const cost = costOf(settings.model, tally.usage, settings.prices);
    return {
      generator: "llm",
      model: settings.model,
      promptHash: promptHash(prompt.messages),
      ...(temperature !== undefined && { temperature }),
      tokensIn: tally.usage.input,
      tokensOut: tally.usage.output,
      tokensCached: tally.usage.cached,
      costUsd: cost.usd,
      costKnown: cost.priced,
      latencyMs: Math.round(tally.latencyMs),
      attempts: tally.attempts,
      retries: tally.retries,
      repaired,
    };
  };
  const source = (editBlocks: string): HypothesisSource => ({ kind: "llm", editBlocks, ...(context.hint !== undefined && { hint: context.hint }) });
  const invalid = (reason: InvalidReason, repaired: boolean, text = ""): GeneratedHypothesis => ({
    kind: "invalid",
    sample,
    reason,
    source: source(text),
    provenance: provenance(repaired),
  });

  const ask = async (messages: readonly ChatMessage[]) => {
    const request: ChatRequest = {
      model: settings.model,
      messages,
      temperature,
      seed: context.seed + sample,
      maxOutputTokens: settings.maxOutputTokens,
      outputLimitField: settings.outputLimitField,
    };
    const call = () => chatCall(settings.client, request, { policy: settings.retry, timeoutMs: settings.timeoutMs, signal: context.signal, random: settings.random });
    let outcome;
    try {
      outcome = await settings.limiter.run(call, context.signal);
    } catch (error) {
      // An abort while queued for a slot rejects; chatCall itself returns failures as values.
      if (!context.signal.aborted) throw error;
      const cancelled: CallFailure = { kind: "cancelled" };
      return { kind: "failed" as const, failure: cancelled };
    }
    tally.attempts += outcome.attempts;
    tally.retries += outcome.attempts - 1;
    tally.latencyMs += outcome.requestMs;
    if (outcome.kind === "ok") add(tally.usage, outcome.value.usage);
    return outcome;
  };

  const first = await ask(prompt.messages);
  if (first.kind === "failed") return invalid(reasonForFailure(first.failure), false);
  const firstResult = await applyReply(settings, first.value, context.files);
  if (firstResult.kind === "applied") return finish(firstResult, first.value.content, false);
  if (firstResult.kind === "no-change") return invalid(firstResult.reason, false, first.value.content);
  if (context.signal.aborted) return invalid({ kind: "cancelled", message: "cancelled" }, false, first.value.content);

  // The repair round: the model sees its own reply and the applier's exact complaint.
  const repairTurn: ChatMessage[] = [...prompt.messages, { role: "assistant", content: first.value.content }, repairMessage(firstResult.reason.message)];
  const second = await ask(repairTurn);
  if (second.kind === "failed") return invalid(reasonForFailure(second.failure), true, first.value.content);
  const secondResult = await applyReply(settings, second.value, context.files);
  if (secondResult.kind === "applied") return finish(secondResult, second.value.content, true);
  return invalid(
    { ...secondResult.reason, message: `${secondResult.reason.message} (after one repair round; first attempt: ${oneLine(firstResult.reason.message)})` },
    true,
    second.value.content,
  );

  function finish(result: Extract<EditReplyResult, { kind: "applied" }>, text: string, repaired: boolean): GeneratedHypothesis {
    return { kind: "valid", sample, changes: result.changes, source: source(text), provenance: provenance(repaired) };
  }
}

/** Applies a reply, noting a cut-off reply so the model (and user) know why blocks are broken. */
async function applyReply(settings: SampleSettings, reply: ChatReply, files: FileLookup): Promise<EditReplyResult> {
  const result = await settings.applyReply(reply.content, files);
  if (result.kind === "applied" || reply.finishReason !== "length") return result;
  const note = `the reply was cut off at the ${settings.maxOutputTokens}-token output limit; use fewer, smaller blocks`;
  return { ...result, reason: { ...result.reason, message: `${result.reason.message} (${note})` } };
}

function reasonForFailure(failure: CallFailure): InvalidReason {
  const message = describeCallFailure(failure);
  switch (failure.kind) {
    case "timeout":
      return { kind: "timeout", message };
    case "cancelled":
      return { kind: "cancelled", message };
    case "http":
      return { kind: "endpoint-error", message, status: failure.status };
    case "connection":
      return { kind: "unreachable", message };
    case "bad-response":
      return { kind: "endpoint-error", message };
  }
}

/** o-series and gpt-5 models accept only their default temperature; their variety is built in. */
function isReasoningModel(model: string): boolean {
  return /^(o\d|gpt-5)/.test(model);
}

function add(total: TokenUsage, usage: TokenUsage): void {
  total.input += usage.input;
  total.output += usage.output;
  total.cached += usage.cached;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}…` : flat;
}
