/** Generators: where hypotheses come from (llm via the openai SDK, recipe via ast-grep rewrites, manual edits). */
export { emptyProvenance, isInfrastructureFault, toProvenanceRecord } from "./generator.ts";
export type {
  FileLookup,
  GeneratedHypothesis,
  GenerationProvenance,
  Generator,
  GeneratorContext,
  GeneratorDiagnostic,
  GeneratorKind,
  GeneratorSite,
  HypothesisSource,
  InvalidReason,
} from "./generator.ts";
export { createLlmGenerator } from "./llm-generator.ts";
export type { LlmGeneratorOptions } from "./llm-generator.ts";
export { resolveLlmEndpoint, openAiBaseUrl, placeholderApiKey } from "./llm-endpoint.ts";
export type { LlmEndpoint, LlmEndpointSettings, LlmUserSettings } from "./llm-endpoint.ts";
export { createRecipeGenerator, pickSeeded } from "./recipe-generator.ts";
export type { RecipeGeneratorOptions } from "./recipe-generator.ts";
export { createManualGenerator } from "./manual-generator.ts";
export type { ManualEdit } from "./manual-generator.ts";
export { applyEditReply } from "./apply-edit-reply.ts";
export type { EditReplyResult } from "./apply-edit-reply.ts";
export { createLimiter } from "./limiter.ts";
export type { Limiter } from "./limiter.ts";
export { defaultRetryPolicy } from "./call-with-retries.ts";
export type { RetryPolicy } from "./call-with-retries.ts";
export { costOf, defaultPriceTable, priceOf } from "./price-table.ts";
export type { Cost, ModelPrice, PriceTable, TokenUsage } from "./price-table.ts";
export { buildEditPrompt, buildSharedPrompt, editSystemPrompt, promptHash } from "./edit-prompt.ts";
export type { ChatMessage } from "./edit-prompt.ts";
export { approximateTokenCount, compareReplyTokens, editBlocksForChanges, wholeFileReplyFor } from "./reply-tokens.ts";
export type { CompareReplyOptions, ReplyTokenComparison, TokenCounter } from "./reply-tokens.ts";
export { checkLlmEndpoint, describeEndpointCheck } from "./check-llm-endpoint.ts";
export type { EndpointCheck } from "./check-llm-endpoint.ts";
