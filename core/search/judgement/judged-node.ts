import type { CheckSummary } from "../../../shared/domain/check-summary.ts";
import type { Score } from "../../../shared/domain/score.ts";
import { assertNever } from "../../../shared/assert-never.ts";
import type { CheckBaseline, CheckInfra } from "../../checks/index.ts";
import { checkSummaries } from "../../score/index.ts";
import type { Judgement } from "../../score/index.ts";
import type { CheckSpec } from "../../spec/check-schema.ts";
import { checkDetails } from "./check-details.ts";
import type { JudgedNode, RootBaseline } from "./judge.ts";

/** A core/score judgement as the node records it, with its checks in full. */
export function toJudged(judgement: Judgement, specChecks: readonly CheckSpec[] = []): JudgedNode {
  return { ...verdictOf(judgement), details: checkDetails(judgement, specChecks) };
}

function verdictOf(judgement: Judgement): JudgedNode {
  const checks = checkSummaries(judgement);
  switch (judgement.verdict) {
    case "scored":
      return { state: "scored", score: judgement.score, checks };
    case "wrong": {
      const gate = judgement.failedGates[0];
      const reason = gate ? `gate ${gate.check}: ${gate.newFailures} new failure${gate.newFailures === 1 ? "" : "s"}${gate.detail ? ` — ${gate.detail}` : ""}` : "a gate failed";
      return { state: "invalid", reason, score: judgement.score, checks };
    }
    case "unjudged":
      return { state: "failed-infra", reason: `could not be judged (${judgement.reason}): ${judgement.detail}`, checks };
    case "invalid":
      return { state: "invalid", reason: judgement.reason, checks };
    default:
      return assertNever(judgement, "judgement");
  }
}

/** The root's baseline from its measured baselines (or the fault that kept one from being measured). */
export function rootBaseline(checks: readonly CheckSpec[], baselines: ReadonlyMap<string, CheckBaseline> | { check: string; fault: CheckInfra }): RootBaseline {
  const unreadableGates: { check: string; reason: string }[] = [];
  if (baselines instanceof Map) {
    for (const check of checks) {
      const outcome = (baselines as ReadonlyMap<string, CheckBaseline>).get(check.name)?.outcome;
      if (check.mode === "gate" && outcome?.status === "no-report") unreadableGates.push({ check: check.name, reason: outcome.reason });
    }
  }
  return { summaries: baselineSummaries(checks, baselines), unreadableGates };
}

/** The root's check summaries from its baselines (or the fault that kept one from being measured). */
export function baselineSummaries(checks: readonly CheckSpec[], baselines: ReadonlyMap<string, CheckBaseline> | { check: string; fault: CheckInfra }): CheckSummary[] {
  return checks.map((check): CheckSummary => {
    const base = { name: check.name, mode: check.mode, newFailures: 0, fixedFailures: 0, durationMs: 0 };
    if (!(baselines instanceof Map)) {
      const { check: name, fault } = baselines as { check: string; fault: CheckInfra };
      return { ...base, status: "error", baselineFailures: 0, detail: `baseline of ${name} could not be measured: ${fault.detail}` };
    }
    const baseline = baselines.get(check.name);
    if (baseline?.outcome.status === "no-report") {
      return { ...base, status: "error", baselineFailures: 0, durationMs: baseline.durationMs, detail: `the baseline run left no report (${baseline.outcome.reason}): this check cannot judge a hypothesis` };
    }
    const failing = baseline ? failures(baseline) : 0;
    return { ...base, status: "passed", baselineFailures: failing, durationMs: baseline?.durationMs ?? 0, ...(failing > 0 && { detail: `${failing} failure(s) already at the root: they do not count` }) };
  });
}

/** True when a node is a solution: no site left and every gate held. */
export function isSolution(score: Score | undefined): boolean {
  return score !== undefined && score.sitesLeft === 0 && score.gatesHeld;
}

/** Failures a baseline already has (they never count against a hypothesis). */
function failures(baseline: CheckBaseline): number {
  if (baseline.outcome.status !== "reported") return 1;
  const report = baseline.outcome.report;
  switch (report.kind) {
    case "diagnostics":
      return report.diagnostics.filter((d) => d.category === "error").length;
    case "tests":
      return report.tests.filter((t) => t.status === "failed").length;
    case "lint":
      return report.findings.filter((f) => f.severity === "error").length;
    case "exit-code":
      return report.exitCode === 0 ? 0 : 1;
    default:
      return assertNever(report, "check report");
  }
}
