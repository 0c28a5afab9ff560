import { z } from "zod";
import { expecting, nonNegativeInt, nonNegativeNumber, positiveInt, positiveNumber } from "./field-schemas.ts";

/** The shape of the search: how wide, how deep, how many hypotheses, when to give up. */
export const SearchSchema = z.strictObject({
  /** Nodes kept at each depth (pinned nodes come on top). */
  beamWidth: positiveInt().default(3),
  hypothesesPerNode: positiveInt().default(4),
  maxDepth: positiveInt().default(25),
  /** Target sites a hypothesis is asked to change at once. */
  sitesPerStep: positiveInt().default(5),
  /** Stop after this many depths without a better score. */
  patienceDepths: positiveInt().default(3),
  /** Seeds every random choice, so a run can be repeated (LLM replies aside). */
  seed: z.number(expecting("a whole number")).int(expecting("a whole number")).default(0),
});
/** See {@link SearchSchema}. */
export type SearchSpec = z.infer<typeof SearchSchema>;

/** What a session may spend; the first budget reached stops it. */
export const BudgetsSchema = z.strictObject({
  /** LLM tokens, in and out; 0 never calls the model. */
  tokens: nonNegativeInt().default(2_000_000),
  usd: nonNegativeNumber().default(10),
  wallMinutes: positiveNumber().default(120),
  sandboxesAtOnce: positiveInt().default(2),
  llmCallsAtOnce: positiveInt().default(4),
});
/** See {@link BudgetsSchema}. */
export type BudgetsSpec = z.infer<typeof BudgetsSchema>;
