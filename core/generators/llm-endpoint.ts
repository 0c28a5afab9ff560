/**
 * Where the llm generator sends its calls: base URL, model and API key, from the spec's settings
 * first, then the studio's settings, then the environment (`OPENAI_BASE_URL`, `OPENAI_API_KEY`,
 * `FORKLIFT_MODEL`). Any OpenAI-compatible endpoint works (OpenAI, Ollama, vLLM, LM Studio);
 * local ones need no key.
 */
import { ForkliftError } from "../../shared/errors.ts";

/** The endpoint settings a spec may give (all optional; the environment fills the gaps). */
export interface LlmEndpointSettings {
  model?: string;
  baseUrl?: string;
  /** Name of the environment variable holding the API key (default `OPENAI_API_KEY`); unset is fine for local endpoints. */
  apiKeyEnv?: string;
}

/**
 * What the user chose in the studio's settings: used in preference to the environment (the spec's
 * own baseUrl and model still come first; the key here comes before the spec's apiKeyEnv).
 */
export interface LlmUserSettings {
  baseUrl?: string;
  model?: string;
  apiKey?: string;
}

/** A resolved endpoint, ready for the openai client. */
export interface LlmEndpoint {
  baseUrl: string;
  model: string;
  apiKey: string;
  /** False when no key was set and a placeholder is sent (local servers ignore it). */
  hasKey: boolean;
}

/** OpenAI's own endpoint, used when neither the settings nor `OPENAI_BASE_URL` name one. */
export const openAiBaseUrl = "https://api.openai.com/v1";

/**
 * Sent as the bearer token when no key is set: the openai client refuses to start without one,
 * and local servers (Ollama, vLLM, LM Studio) accept any value.
 */
export const placeholderApiKey = "forklift-no-key";

/** Resolves settings + environment into an endpoint, or throws a one-line `llm-not-configured` error. */
export function resolveLlmEndpoint(settings: LlmEndpointSettings = {}, env: NodeJS.ProcessEnv = process.env, user: LlmUserSettings = {}): LlmEndpoint {
  const baseUrl = trimmed(settings.baseUrl) ?? trimmed(user.baseUrl) ?? trimmed(env.OPENAI_BASE_URL) ?? openAiBaseUrl;
  const host = httpHost(baseUrl);
  if (host === undefined) {
    throw new ForkliftError("llm-not-configured", `LLM base URL "${baseUrl}" is not an http(s) URL (expected e.g. http://localhost:11434/v1)`);
  }
  const model = trimmed(settings.model) ?? trimmed(user.model) ?? trimmed(env.FORKLIFT_MODEL);
  if (!model) {
    throw new ForkliftError("llm-not-configured", "no LLM model set: set FORKLIFT_MODEL (e.g. gpt-4.1-mini, qwen2.5-coder:7b) or the spec's generators.llm.model, or choose one in the studio's settings");
  }
  const keyVariable = trimmed(settings.apiKeyEnv) ?? "OPENAI_API_KEY";
  const apiKey = trimmed(user.apiKey) ?? trimmed(env[keyVariable]);
  if (apiKey) return { baseUrl, model, apiKey, hasKey: true };
  if (host === "api.openai.com") {
    throw new ForkliftError("llm-not-configured", `${keyVariable} is not set: export your OpenAI API key, or set OPENAI_BASE_URL to a local endpoint`);
  }
  return { baseUrl, model, apiKey: placeholderApiKey, hasKey: false };
}

/** The host of an http(s) URL; undefined for anything else ("localhost:11434" parses as a URL with scheme "localhost:"). */
function httpHost(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

function trimmed(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}
