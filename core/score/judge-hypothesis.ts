/**
 * Judges one hypothesis against its checkpoint's baselines: runs each check (through the
 * caller's `run`, e.g. in the hypothesis's fork), compares with the baseline, re-runs a test
 * check once to confirm new failures before blaming the hypothesis, applies the gates and
 * computes the score. Infrastructure faults make the hypothesis `unjudged`, never `wrong`, unless
 * a gate had already failed for certain.
 */
import type { CheckSummary } from "../../shared/domain/check-summary.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { CheckBaseline, CheckDefinition, CheckInfra, CheckRun } from "../checks/index.ts";
import { isTestParser } from "../checks/index.ts";
import { compareCheck } from "./compare-check.ts";
import { computeScore, type SiteCounts } from "./compute-score.ts";
import { confirmedFailures, noReportKey, type Failure } from "./failure.ts";
import type { CheckJudgement, GateFailure, Judgement } from "./judgement.ts";
import type { ScoreWeights } from "./score-weights.ts";

/** Everything a judgement needs. */
export interface JudgeInput {
  /** The spec's checks, in the order they run. */
  readonly checks: readonly CheckDefinition[];
  /** The checkpoint's baseline of each check, by name. */
  readonly baselines: ReadonlyMap<string, CheckBaseline>;
  /** Runs a check on the hypothesis; called a second time (attempt 2) to confirm new test failures. */
  readonly run: (check: CheckDefinition, attempt: 1 | 2) => Promise<CheckRun>;
  readonly sites: SiteCounts;
  /** Lines added plus removed by the hypothesis. */
  readonly diffLines: number;
  readonly weights?: Partial<ScoreWeights>;
  /** Do not run the checks after a failed gate (they cannot change the verdict). Default true. */
  readonly stopAtFailedGate?: boolean;
  /**
   * A check over its time limit, where the baseline finished, is the hypothesis's failure (it
   * made the code hang) rather than `unjudged`. Default false: a timeout is treated like the
   * sandbox's fault, so a slow machine never rejects a hypothesis. No re-run confirms a timeout.
   */
  readonly timeoutIsFailure?: boolean;
}

const listCap = 50;
/** Key of the failure "the check ran over its time limit" (with `timeoutIsFailure`). */
const timedOutKey = "(timed out)";

/** Runs, compares, confirms, gates and scores; see the module comment. */
export async function judgeHypothesis(input: JudgeInput): Promise<Judgement> {
  const judged: CheckJudgement[] = [];
  let fault: { check: string; run: CheckInfra } | undefined;
  /** A gate whose output could not be compared with its baseline: it says nothing, so it cannot let the hypothesis pass. */
  let unreadable: { check: string; reason: string; durationMs: number } | undefined;
  let stopReason: string | undefined;

  for (const check of input.checks) {
    const baseline = input.baselines.get(check.name);
    if (!baseline) throw new ForkliftError("invalid-input", `no baseline for check ${check.name}: measure the checkpoint's baselines first`);
    if (stopReason !== undefined) {
      judged.push({ summary: summary(check, "skipped", 0, { detail: `not run: ${stopReason}` }), newFailures: [], unconfirmed: [], runs: 0 });
      continue;
    }
    const first = await input.run(check, 1);
    if (first.status === "infra" && first.reason === "timed-out" && input.timeoutIsFailure && baseline.outcome.status === "reported") {
      const hang: Failure = { key: timedOutKey, label: `timed out after ${check.timeoutSec} s (the baseline finished in ${Math.round(baseline.durationMs / 100) / 10} s)` };
      judged.push({ summary: summary(check, "failed", first.durationMs, { newFailures: 1, detail: hang.label }), newFailures: [hang], unconfirmed: [], runs: 1, ...raw(first) });
      if (check.mode === "gate" && (input.stopAtFailedGate ?? true)) stopReason = `gate ${check.name} failed`;
      continue;
    }
    if (first.status === "infra") {
      fault = { check: check.name, run: first };
      stopReason = `infrastructure fault in ${check.name}`;
      judged.push({ summary: summary(check, "error", first.durationMs, { detail: first.detail }), newFailures: [], unconfirmed: [], runs: 1, ...raw(first) });
      continue;
    }
    const comparison = compareCheck(baseline, first);
    if (comparison.kind === "not-comparable") {
      const gate = check.mode === "gate";
      if (gate) unreadable ??= { check: check.name, reason: comparison.reason, durationMs: first.durationMs };
      judged.push({ summary: summary(check, gate ? "error" : "skipped", first.durationMs, { detail: `cannot judge: ${comparison.reason}` }), newFailures: [], unconfirmed: [], runs: 1, ...raw(first) });
      continue;
    }

    let confirmed: readonly Failure[] = comparison.newFailures;
    let unconfirmed: readonly Failure[] = [];
    let durationMs = first.durationMs;
    let runs = 1;
    if (comparison.newFailures.length > 0 && isTestParser(check.parser)) {
      const second = await input.run(check, 2);
      runs = 2;
      durationMs += second.durationMs;
      const hung = second.status === "infra" && second.reason === "timed-out" && input.timeoutIsFailure === true;
      if (second.status === "infra" && !hung) {
        fault = { check: check.name, run: second };
        stopReason = `infrastructure fault in ${check.name}`;
        const detail = `the re-run to confirm ${comparison.newFailures.length} new failure(s) failed: ${second.detail}`;
        judged.push({ summary: summary(check, "error", durationMs, { detail }), newFailures: [], unconfirmed: [], runs, ...raw(first) });
        continue;
      }
      const again = second.status === "infra" ? undefined : compareCheck(baseline, second);
      const repeated = again?.kind === "compared" ? again.newFailures : [];
      // A re-run that crashed outright (no report) or hung confirms the first run's failures: it failed worse.
      confirmed = hung || repeated.some((failure) => failure.key === noReportKey) ? comparison.newFailures : confirmedFailures(comparison.newFailures, repeated);
      unconfirmed = comparison.newFailures.filter((failure) => !confirmed.includes(failure));
    }

    const status = confirmed.length > 0 ? "failed" : "passed";
    const detail = status === "failed" ? failureDetail(confirmed) : passDetail(unconfirmed.length, comparison.ignoredFlaky);
    judged.push({
      summary: summary(check, status, durationMs, { newFailures: confirmed.length, fixedFailures: comparison.fixedFailures, baselineFailures: comparison.baselineFailures, detail }),
      newFailures: confirmed.slice(0, listCap),
      unconfirmed: unconfirmed.slice(0, listCap),
      fixed: comparison.fixed.slice(0, listCap),
      runs,
      ...raw(first),
    });
    if (status === "failed" && check.mode === "gate" && (input.stopAtFailedGate ?? true)) stopReason = `gate ${check.name} failed`;
  }

  const failedGates: GateFailure[] = judged
    .filter((check) => check.summary.mode === "gate" && check.summary.status === "failed")
    .map((check) => ({ check: check.summary.name, newFailures: check.summary.newFailures, detail: check.summary.detail ?? "" }));
  if (failedGates.length === 0 && fault) return { verdict: "unjudged", reason: fault.run.reason, detail: `${fault.check}: ${fault.run.detail}`, check: fault.check, checks: judged };
  if (failedGates.length === 0 && unreadable) return { verdict: "unjudged", reason: "not-comparable", detail: `${unreadable.check}: ${unreadable.reason}`, check: unreadable.check, checks: judged };
  const score = computeScore({
    summaries: judged.map((check) => check.summary),
    checkWeights: new Map(input.checks.map((check) => [check.name, check.weight])),
    sites: input.sites,
    diffLines: input.diffLines,
    ...(input.weights ? { weights: input.weights } : {}),
  });
  return failedGates.length > 0 ? { verdict: "wrong", failedGates, score, checks: judged } : { verdict: "scored", score, checks: judged };
}

function summary(check: CheckDefinition, status: CheckSummary["status"], durationMs: number, extra: { newFailures?: number; fixedFailures?: number; baselineFailures?: number; detail?: string | undefined }): CheckSummary {
  return {
    name: check.name,
    mode: check.mode,
    status,
    newFailures: extra.newFailures ?? 0,
    fixedFailures: extra.fixedFailures ?? 0,
    baselineFailures: extra.baselineFailures ?? 0,
    durationMs: Math.max(0, durationMs),
    ...(extra.detail ? { detail: extra.detail } : {}),
  };
}

function failureDetail(failures: readonly Failure[]): string {
  const more = failures.length > 1 ? ` (+${failures.length - 1} more)` : "";
  return `${failures[0]?.label ?? "failed"}${more}`;
}

function passDetail(unconfirmed: number, ignoredFlaky: number): string | undefined {
  const notes: string[] = [];
  if (unconfirmed > 0) notes.push(`${unconfirmed} new failure(s) not repeated by a re-run: flaky, not counted`);
  if (ignoredFlaky > 0) notes.push(`${ignoredFlaky} failure(s) of tests flaky at the baseline ignored`);
  return notes.length > 0 ? notes.join("; ") : undefined;
}

/** The run's captured output and exit code, as far as it has them. */
function raw(run: CheckRun): { raw?: CheckJudgement["raw"]; exitCode?: number } {
  return { ...(run.raw && { raw: run.raw }), ...(run.status !== "infra" && { exitCode: run.exitCode }) };
}
