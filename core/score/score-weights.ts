/**
 * The score of a hypothesis that was judged (higher is better), as a sum of parts:
 *
 *   value = site · (sitesBefore − sitesAfter)
 *         + Σ over checks c: weight_c · (fixedFailure · fixed_c − newFailure · new_c)
 *         − diffLine · diffLines
 *
 * `sitesBefore`/`sitesAfter`: target sites (core/targets countSites) at the checkpoint and in the
 * hypothesis; `new_c`: failures of check c the baseline did not have, confirmed by a re-run for
 * test checks; `fixed_c`: baseline failures that are gone; `weight_c`: the check's spec weight;
 * `diffLines`: lines added plus removed. Progress on sites is the main term; the rest are
 * penalties and small rewards. Gates are separate: a gate check with a new failure makes the
 * hypothesis wrong whatever its score.
 */
import { z } from "zod";

/** The weights of the score formula (see the module comment). */
export const ScoreWeightsSchema = z.strictObject({
  /** Points per target site removed (lost per site added). */
  site: z.number().nonnegative().default(10),
  /** Points lost per confirmed new failure, times the check's weight. */
  newFailure: z.number().nonnegative().default(5),
  /** Points gained per baseline failure fixed, times the check's weight. */
  fixedFailure: z.number().nonnegative().default(1),
  /** Points lost per changed line (added + removed): among equal hypotheses, the smaller diff wins. */
  diffLine: z.number().nonnegative().default(0.01),
});
/** See {@link ScoreWeightsSchema}. */
export type ScoreWeights = z.infer<typeof ScoreWeightsSchema>;

/** The default weights: a site is worth 10, a new failure costs 5 (× check weight), a fix earns 1, 100 changed lines cost 1. */
export const defaultScoreWeights: ScoreWeights = Object.freeze(ScoreWeightsSchema.parse({}));
