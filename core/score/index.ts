/** Judgement: baseline-relative comparison of a hypothesis's checks, gates, the score, and the verdict. */
export type { Failure } from "./failure.ts";
export { confirmedFailures, multisetDelta, normalizeMessage } from "./failure.ts";
export type { CheckComparison } from "./compare-check.ts";
export { compareCheck, compareDiagnostics, compareLint, compareReports, compareTests } from "./compare-check.ts";
export type { ScoreWeights } from "./score-weights.ts";
export { defaultScoreWeights, ScoreWeightsSchema } from "./score-weights.ts";
export type { ScoreInput, SiteCounts } from "./compute-score.ts";
export { computeScore } from "./compute-score.ts";
export type { CheckJudgement, GateFailure, Judgement } from "./judgement.ts";
export { checkSummaries, invalidJudgement, nodeStateFor } from "./judgement.ts";
export type { JudgeInput } from "./judge-hypothesis.ts";
export { judgeHypothesis } from "./judge-hypothesis.ts";
export type { CheckHypothesisEvent, CheckHypothesisInput } from "./check-hypothesis.ts";
export { checkHypothesis } from "./check-hypothesis.ts";
