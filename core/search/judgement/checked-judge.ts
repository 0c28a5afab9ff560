/**
 * The judgement of core/checks and core/score on Docker: baselines measured once per checkpoint
 * (test checks twice, so flaky tests are known), each hypothesis checked in a fork of its parent's
 * checkpoint, new test failures confirmed by a re-run, gates, and the documented score. Sites are
 * counted from the root, so scores compare across depths.
 */
import type { CheckSummary } from "../../../shared/domain/check-summary.ts";
import { assertNever } from "../../../shared/assert-never.ts";
import { BaselineCache } from "../../checks/index.ts";
import type { CheckBaseline } from "../../checks/index.ts";
import type { ResourceLimits, SandboxDriver } from "../../sandbox/index.ts";
import { checkHypothesis, checkSummaries, nodeStateFor } from "../../score/index.ts";
import type { Judgement } from "../../score/index.ts";
import type { CheckSpec } from "../../spec/check-schema.ts";
import type { DockerRunner } from "../runner/docker-runner.ts";
import type { Judge, JudgedNode } from "./judge.ts";

/** What the judge needs: the driver its forks come from and the runner that knows the session's checkpoints. */
export interface CheckedJudgeOptions {
  readonly driver: SandboxDriver;
  readonly runner: DockerRunner;
  readonly checks: readonly CheckSpec[];
  readonly limits?: Partial<ResourceLimits>;
}

/** Creates the judge (see the module comment). */
export function createCheckedJudge(options: CheckedJudgeOptions): Judge {
  const { driver, runner, checks } = options;
  const baselines = new BaselineCache({ driver, ...(options.limits && { limits: options.limits }) });
  return {
    async baseline(root) {
      const set = await baselines.get(runner.checkpointOf(root), checks);
      const summaries = checks.map((check): CheckSummary => {
        const base = { name: check.name, mode: check.mode, newFailures: 0, fixedFailures: 0, durationMs: 0 };
        if (set.status === "infra") return { ...base, status: "error", baselineFailures: 0, detail: `${set.check}: ${set.fault.detail}` };
        const baseline = set.baselines.get(check.name);
        const failing = baseline ? failures(baseline) : 0;
        return { ...base, status: "passed", baselineFailures: failing, durationMs: baseline?.durationMs ?? 0, ...(failing > 0 && { detail: `${failing} failure(s) already at the root: they do not count` }) };
      });
      return { summaries, saved: "" };
    },
    restore() {},
    async judge(request) {
      const judgement = await checkHypothesis({
        driver,
        checkpoint: runner.checkpointOf(request.base),
        node: request.nodeId,
        changes: request.changes,
        checks,
        baselines,
        sites: { before: request.sitesAtRoot, after: request.sitesLeft },
        diffLines: request.diffLines,
        ...(options.limits && { limits: options.limits }),
      });
      return toJudged(judgement);
    },
  };
}

/** A judgement as the node records it. */
export function toJudged(judgement: Judgement): JudgedNode {
  const checks = checkSummaries(judgement);
  const state = nodeStateFor(judgement);
  switch (judgement.verdict) {
    case "scored":
      return { state: "scored", score: judgement.score, checks };
    case "wrong": {
      const gate = judgement.failedGates[0];
      const reason = gate ? `gate ${gate.check}: ${gate.newFailures} new failure${gate.newFailures === 1 ? "" : "s"}${gate.detail ? ` — ${gate.detail}` : ""}` : "a gate failed";
      return { state: "invalid", reason, score: judgement.score, checks };
    }
    case "unjudged":
      return { state: state === "failed-infra" ? "failed-infra" : "invalid", reason: `could not be judged (${judgement.reason}): ${judgement.detail}`, checks };
    case "invalid":
      return { state: "invalid", reason: judgement.reason, checks };
    default:
      return assertNever(judgement, "judgement");
  }
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
