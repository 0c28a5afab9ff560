/** Computes a judged hypothesis's Score from its check summaries, its sites and its diff size (formula: score-weights.ts). */
import type { CheckSummary } from "../../shared/domain/check-summary.ts";
import type { Score } from "../../shared/domain/score.ts";
import { defaultScoreWeights, type ScoreWeights } from "./score-weights.ts";

/** Target sites at the checkpoint (before) and in the hypothesis (after). */
export interface SiteCounts {
  readonly before: number;
  readonly after: number;
}

/** What the score is computed from. */
export interface ScoreInput {
  readonly summaries: readonly CheckSummary[];
  /** Check name → the check's weight. */
  readonly checkWeights: ReadonlyMap<string, number>;
  readonly sites: SiteCounts;
  /** Lines added plus lines removed by the hypothesis. */
  readonly diffLines: number;
  readonly weights?: Partial<ScoreWeights>;
}

/** The Score: `parts` holds "sites", each check's name and "diff"; `value` is their sum. */
export function computeScore(input: ScoreInput): Score {
  const weights = { ...defaultScoreWeights, ...input.weights };
  const parts: Record<string, number> = { sites: round(weights.site * (input.sites.before - input.sites.after)) };
  for (const summary of input.summaries) {
    const weight = input.checkWeights.get(summary.name) ?? 1;
    parts[summary.name] = round(weight * (weights.fixedFailure * summary.fixedFailures - weights.newFailure * summary.newFailures));
  }
  parts.diff = round(-weights.diffLine * input.diffLines);
  const value = round(Object.values(parts).reduce((sum, part) => sum + part, 0));
  return {
    value,
    sitesLeft: Math.max(0, Math.round(input.sites.after)),
    gatesHeld: input.summaries.every((summary) => summary.mode !== "gate" || summary.status !== "failed"),
    parts,
  };
}

/** Rounds away floating-point noise (0.1 + 0.2) so scores compare and display cleanly. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6 || 0;
}
