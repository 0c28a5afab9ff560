/**
 * The judgement of a hypothesis by its slow checks, relative to a baseline: the interface the
 * search programs against. On Docker it is core/checks + core/score (checked-judge.ts: baselines
 * per checkpoint with flaky detection, re-runs that confirm new test failures); on the host runner
 * the minimal local judgement below (baseline at the root, failures compared by key).
 */
import type { CheckSummary } from "../../../shared/domain/check-summary.ts";
import type { FileChanges } from "../../../shared/file-changes.ts";
import type { CheckSpec } from "../../spec/check-schema.ts";
import type { CheckpointHandle, CommandOutcome, Runner } from "../runner/runner.ts";
import { parseFailures } from "./parse-failures.ts";
import { verdictOf } from "./verdict.ts";
import type { Verdict } from "./verdict.ts";

/** One node to judge. */
export interface JudgeRequest {
  /** A checkpoint of the node's parent or another ancestor. */
  readonly base: CheckpointHandle;
  readonly nodeId: string;
  /** What takes `base` to the node's state. */
  readonly changes: FileChanges;
  readonly sitesAtRoot: number;
  readonly sitesLeft: number;
  /** Lines added plus removed, against the root. */
  readonly diffLines: number;
}

/** A verdict with the check summaries it came from. */
export type JudgedNode = Verdict & { readonly checks: readonly CheckSummary[] };

/** Judges states by their slow checks. */
export interface Judge {
  /** Runs the checks at the root; returns the root's summaries and what to keep with the session for {@link Judge.restore}. */
  baseline(root: CheckpointHandle): Promise<{ summaries: CheckSummary[]; saved: string }>;
  /** Takes back what {@link Judge.baseline} returned as `saved`, in a new process. */
  restore(saved: string): void;
  judge(request: JudgeRequest): Promise<JudgedNode>;
}

/** What each check reported at the root: its failures, or why it could not run. */
interface Baseline {
  checks: Record<string, { readonly failures: readonly string[] } | { readonly error: string }>;
}

/** The minimal local judgement: checks run in one fork, failures read by {@link parseFailures}, compared by key with the root's. */
export function createLocalJudge(runner: Runner, checks: readonly CheckSpec[]): Judge {
  const commands = checks.map((check) => ({ name: check.name, command: check.command, timeoutMs: Math.round(check.timeoutSec * 1000) }));
  let baseline: Baseline = { checks: {} };
  return {
    async baseline(root) {
      baseline = { checks: {} };
      if (checks.length === 0) return { summaries: [], saved: JSON.stringify(baseline) };
      const outcomes = await runner.run(root, root.nodeId, {}, commands);
      const summaries = checks.map((check, i): CheckSummary => {
        const outcome = outcomes[i];
        const base = { name: check.name, mode: check.mode, newFailures: 0, fixedFailures: 0, durationMs: outcome?.durationMs ?? 0 };
        if (outcome?.status === "exited") {
          const failures = parseFailures(check.parser, outcome);
          baseline.checks[check.name] = { failures };
          return { ...base, status: "passed", baselineFailures: failures.length, ...(failures[0] && { detail: `already failing at the root: ${failures[0]}` }) };
        }
        const error = describeUnjudged(outcome);
        baseline.checks[check.name] = { error };
        return { ...base, status: "error", baselineFailures: 0, detail: error };
      });
      return { summaries, saved: JSON.stringify(baseline) };
    },
    restore(saved) {
      baseline = JSON.parse(saved) as Baseline;
    },
    async judge(request) {
      const outcomes = checks.length === 0 ? [] : await runner.run(request.base, request.nodeId, request.changes, commands);
      const summaries = checks.map((check, i) => compare(check, outcomes[i], baseline.checks[check.name]));
      return { ...verdictOf(summaries, checks, request.sitesAtRoot, request.sitesLeft), checks: summaries };
    },
  };
}

function compare(check: CheckSpec, outcome: CommandOutcome | undefined, before: Baseline["checks"][string] | undefined): CheckSummary {
  const base = { name: check.name, mode: check.mode, durationMs: outcome?.durationMs ?? 0 };
  if (outcome === undefined || outcome.status === "infra") {
    return { ...base, status: "error", newFailures: 0, fixedFailures: 0, baselineFailures: 0, detail: describeUnjudged(outcome) };
  }
  if (outcome.status === "timed-out") {
    // The baseline finished within the limit; this state did not: the change made it hang.
    return { ...base, status: "failed", newFailures: 1, fixedFailures: 0, baselineFailures: 0, detail: `timed out after ${check.timeoutSec} s` };
  }
  const failures = parseFailures(check.parser, outcome);
  const known = before && "failures" in before ? new Set(before.failures) : new Set<string>();
  const fresh = failures.filter((failure) => !known.has(failure));
  const fixed = [...known].filter((failure) => !failures.includes(failure)).length;
  return {
    ...base,
    status: fresh.length > 0 ? "failed" : "passed",
    newFailures: fresh.length,
    fixedFailures: fixed,
    baselineFailures: failures.length - fresh.length,
    ...(fresh[0] !== undefined && { detail: fresh.length > 1 ? `${fresh[0]} (and ${fresh.length - 1} more)` : fresh[0] }),
  };
}

function describeUnjudged(outcome: CommandOutcome | undefined): string {
  if (outcome === undefined) return "not run: the sandbox failed on an earlier check";
  if (outcome.status === "infra") return `infrastructure fault: ${outcome.detail}`;
  if (outcome.status === "timed-out") return "timed out at the root: raise the check's timeoutSec";
  return `exit code ${outcome.exitCode}`;
}
