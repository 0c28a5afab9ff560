import { z } from "zod";

/** Whether a check's verdict blocks a node (`gate`) or only contributes to its score (`score`). */
export const CheckModeSchema = z.enum(["gate", "score"]);
/** See {@link CheckModeSchema}. */
export type CheckMode = z.infer<typeof CheckModeSchema>;

/**
 * How one check ended, relative to the baseline: `passed` (no new failures), `failed` (new
 * failures: a verdict on the hypothesis), `error` (the infrastructure failed — Docker, a
 * sandbox timeout, an unparseable report — and says nothing about the hypothesis), `skipped`.
 */
export const CheckStatusSchema = z.enum(["passed", "failed", "error", "skipped"]);
/** See {@link CheckStatusSchema}. */
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

const count = z.number().int().nonnegative();

/** The baseline-relative summary of one check run on one node. */
export const CheckSummarySchema = z.strictObject({
  name: z.string().min(1),
  mode: CheckModeSchema,
  status: CheckStatusSchema,
  /** Failures (type errors, failing tests, lint problems) that the baseline did not have. */
  newFailures: count,
  /** Baseline failures that no longer occur. */
  fixedFailures: count,
  /** Failures the baseline already had and that remain: they do not count against the node. */
  baselineFailures: count,
  durationMs: z.number().nonnegative(),
  /** One line for the user: the first new failure, or what went wrong with the infrastructure. */
  detail: z.string().optional(),
});
/** See {@link CheckSummarySchema}. */
export type CheckSummary = z.infer<typeof CheckSummarySchema>;
