import { describe, expect, it } from "vitest";
import type { CheckSummary } from "../../shared/domain/check-summary.ts";
import { ScoreSchema } from "../../shared/domain/score.ts";
import { computeScore } from "./compute-score.ts";
import { ScoreWeightsSchema } from "./score-weights.ts";

const summary = (name: string, mode: CheckSummary["mode"], status: CheckSummary["status"], newFailures: number, fixedFailures: number): CheckSummary => ({ name, mode, status, newFailures, fixedFailures, baselineFailures: 0, durationMs: 1 });

describe("computeScore", () => {
  it("follows the documented formula, with configurable weights, and yields a valid Score", () => {
    const score = computeScore({
      summaries: [summary("typecheck", "gate", "passed", 0, 2), summary("lint", "score", "failed", 3, 0)],
      checkWeights: new Map([["typecheck", 1], ["lint", 0.5]]),
      sites: { before: 12, after: 9 },
      diffLines: 250,
      weights: { site: 20, diffLine: 0.02 },
    });
    // 20·3 + 1·(1·2) + 0.5·(−5·3) − 0.02·250 = 60 + 2 − 7.5 − 5
    expect(score).toEqual({ value: 49.5, sitesLeft: 9, gatesHeld: true, parts: { sites: 60, typecheck: 2, lint: -7.5, diff: -5 } });
    expect(ScoreSchema.parse(score)).toEqual(score);
  });

  it("punishes added sites and reports failed gates", () => {
    const score = computeScore({ summaries: [summary("tests", "gate", "failed", 1, 0)], checkWeights: new Map(), sites: { before: 2, after: 3 }, diffLines: 0 });
    expect(score).toMatchObject({ value: -15, gatesHeld: false, sitesLeft: 3 });
  });

  it("has documented defaults", () => {
    expect(ScoreWeightsSchema.parse({})).toEqual({ site: 10, newFailure: 5, fixedFailure: 1, diffLine: 0.01 });
  });
});
