import type { GeneratorName } from "../../shared/protocol/contract.ts";
import { ForkliftError } from "../../shared/errors.ts";
import { createLlmGenerator, createRecipeGenerator, resolveLlmEndpoint } from "../generators/index.ts";
import type { Generator, Limiter, LlmUserSettings, RetryPolicy } from "../generators/index.ts";
import type { Spec } from "../spec/spec-schema.ts";

/** Settings of the LLM calls that are not in the spec. */
export interface LlmCallSettings {
  /** Limit of one HTTP request (default 120 s). */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
}

/** The generators the spec configures, restricted to `selection` when given. */
export function availableGenerators(spec: Spec): GeneratorName[] {
  return [...(spec.generators.recipe ? (["recipe"] as const) : []), ...(spec.generators.llm && spec.budgets.tokens > 0 ? (["llm"] as const) : [])];
}

/**
 * Builds a session's generators: recipe first, then the LLM (its endpoint from the spec, then the
 * user's settings, then `env`). Throws a one-line error when a selected generator is not in the
 * spec or the LLM endpoint is not configured.
 */
export function buildGenerators(spec: Spec, selection: readonly GeneratorName[] | undefined, env: NodeJS.ProcessEnv, llmLimiter: Limiter, llm: LlmCallSettings = {}, user: LlmUserSettings = {}): Generator[] {
  const names = selection ?? availableGenerators(spec);
  if (names.length === 0) throw new ForkliftError("invalid-spec", `spec ${spec.name} configures no generator: add generators.recipe or generators.llm`);
  return names.map((name): Generator => {
    if (name === "recipe") {
      const recipe = spec.generators.recipe;
      if (!recipe) throw new ForkliftError("invalid-input", `spec ${spec.name} has no recipe generator (generators.recipe)`);
      return createRecipeGenerator({ rules: recipe.rules, sitesPerStep: spec.search.sitesPerStep });
    }
    const settings = spec.generators.llm;
    if (!settings) throw new ForkliftError("invalid-input", `spec ${spec.name} has no LLM generator (generators.llm)`);
    if (spec.budgets.tokens === 0) throw new ForkliftError("invalid-input", `spec ${spec.name} has a token budget of 0, which means "never call the model": raise budgets.tokens or use only the recipe generator`);
    const endpoint = resolveLlmEndpoint({ model: settings.model, apiKeyEnv: settings.apiKeyEnv, ...(settings.baseUrl !== undefined && { baseUrl: settings.baseUrl }) }, env, user);
    return createLlmGenerator({
      endpoint,
      limiter: llmLimiter,
      temperatures: settings.temperatures,
      maxOutputTokens: settings.maxOutputTokens,
      ...(llm.timeoutMs !== undefined && { timeoutMs: llm.timeoutMs }),
      ...(llm.retry !== undefined && { retry: llm.retry }),
    });
  });
}
