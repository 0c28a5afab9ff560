/**
 * One chat-completions call through the openai client, with Forklift's retries, timeout and
 * cancellation, reduced to what the generator records: the reply text and the token usage.
 */
import type OpenAI from "openai";
import { callWithRetries } from "./call-with-retries.ts";
import type { CallOutcome, RetryPolicy } from "./call-with-retries.ts";
import type { ChatMessage } from "./edit-prompt.ts";
import type { TokenUsage } from "./price-table.ts";

/** The parts of an answer the generator uses. */
export interface ChatReply {
  /** The assistant's text ("" when the endpoint sent none). */
  content: string;
  /** "length" when the reply was cut off by the output-token limit. */
  finishReason: string | undefined;
  usage: TokenUsage;
}

/** One request: messages and sampling. */
export interface ChatRequest {
  model: string;
  messages: readonly ChatMessage[];
  /** Omitted from the request when undefined (reasoning models accept only their default). */
  temperature: number | undefined;
  seed: number | undefined;
  maxOutputTokens: number;
  /** Which name the output limit goes under: OpenAI's newer models reject `max_tokens`. */
  outputLimitField: "max_tokens" | "max_completion_tokens";
}

/** Limits for one call. */
export interface ChatCallOptions {
  policy: RetryPolicy;
  timeoutMs: number;
  signal?: AbortSignal;
  random?: () => number;
}

/** Sends `request` (retrying per policy) and returns the reply or why there is none. */
export function chatCall(client: OpenAI, request: ChatRequest, options: ChatCallOptions): Promise<CallOutcome<ChatReply>> {
  const body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming = {
    model: request.model,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    [request.outputLimitField]: request.maxOutputTokens,
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.seed !== undefined && { seed: request.seed }),
  };
  return callWithRetries(async (signal) => {
    // maxRetries 0: the client's own retries would hide attempts from the count and ignore our policy.
    const completion = await client.chat.completions.create(body, { signal, timeout: options.timeoutMs, maxRetries: 0 });
    const choice = completion.choices?.[0];
    if (!choice) throw new MalformedCompletionError("the endpoint answered with no choices");
    const usage = completion.usage;
    return {
      content: choice.message?.content ?? "",
      finishReason: choice.finish_reason ?? undefined,
      usage: {
        input: usage?.prompt_tokens ?? 0,
        output: usage?.completion_tokens ?? 0,
        cached: usage?.prompt_tokens_details?.cached_tokens ?? 0,
      },
    };
  }, options);
}

/** A 200 answer that is not a chat completion (no choices); reported as a bad response, not retried. */
class MalformedCompletionError extends Error {
  override name = "MalformedCompletionError";
}
