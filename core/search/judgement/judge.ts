/**
 * The judgement of a hypothesis by its slow checks, relative to the baseline: the interface the
 * search programs against, so the minimal local judgement below can give way to core/checks.
 */
import type { CheckSummary } from "../../../shared/domain/check-summary.ts";
import type { FileChanges } from "../../../shared/file-changes.ts";
import type { CheckSpec } from "../../spec/check-schema.ts";
import type { CheckpointHandle, CommandOutcome, Runner } from "../runner/runner.ts";
import { parseFailures } from "./parse-failures.ts";

/** What each check reported at the root: its failures, or why it could not run. JSON-safe (kept with the session). */
export interface Baseline {
  readonly checks: Record<string, { readonly failures: readonly string[] } | { readonly error: string }>;
}

/** Judges states by their slow checks. */
export interface Judge {
  /** Runs every check on the root checkpoint; returns the baseline and the root's own summaries. */
  baseline(root: CheckpointHandle): Promise<{ baseline: Baseline; summaries: CheckSummary[] }>;
  /** Runs every check on `base` + `changes` (the node's state) and compares with the baseline. */
  judge(base: CheckpointHandle, nodeId: string, changes: FileChanges, baseline: Baseline): Promise<CheckSummary[]>;
}

/** The minimal local judgement: checks run in one fork, failures read by {@link parseFailures}, compared by key. */
export function createLocalJudge(runner: Runner, checks: readonly CheckSpec[]): Judge {
  const commands = checks.map((check) => ({ name: check.name, command: check.command, timeoutMs: Math.round(check.timeoutSec * 1000) }));
  return {
    async baseline(root) {
      if (checks.length === 0) return { baseline: { checks: {} }, summaries: [] };
      const outcomes = await runner.run(root, root.nodeId, {}, commands);
      const baseline: Baseline = { checks: {} };
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
      return { baseline, summaries };
    },
    async judge(base, nodeId, changes, baseline) {
      if (checks.length === 0) return [];
      const outcomes = await runner.run(base, nodeId, changes, commands);
      return checks.map((check, i) => compare(check, outcomes[i], baseline.checks[check.name]));
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
