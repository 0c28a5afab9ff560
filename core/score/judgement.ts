/**
 * The verdict on one hypothesis. Four outcomes, kept apart because only one counts against it:
 * `scored` (judged, every gate held), `wrong` (judged: a gate failed — it counts against the
 * hypothesis), `unjudged` (the infrastructure failed: daemon gone, sandbox out of memory or out
 * of time, a sandbox call failed — says nothing about it, may be retried), `invalid` (its edits
 * did not apply — decided by the caller before any check ran).
 */
import { assertNever } from "../../shared/assert-never.ts";
import type { CheckSummary } from "../../shared/domain/check-summary.ts";
import type { NodeState } from "../../shared/domain/node-state.ts";
import type { Score } from "../../shared/domain/score.ts";
import type { CheckInfraReason, RawOutput } from "../checks/index.ts";
import type { Failure } from "./failure.ts";

/** What one check found, for the store (summary) and the UI (failures, raw output). */
export interface CheckJudgement {
  readonly summary: CheckSummary;
  /** New failures confirmed (by a re-run, for test checks): these count. Capped at 50. */
  readonly newFailures: readonly Failure[];
  /** New failures a re-run did not repeat: treated as flaky, not counted. Capped at 50. */
  readonly unconfirmed: readonly Failure[];
  /** Baseline failures that no longer occur. Capped at 50. */
  readonly fixed?: readonly Failure[];
  /** The first run's exit code, when the command ran to its end. */
  readonly exitCode?: number;
  /** How many times the check ran on this hypothesis (2 when a re-run confirmed or cleared failures). */
  readonly runs: number;
  /** Raw output of the first run, capped. */
  readonly raw?: RawOutput;
}

/** A gate that failed: which check, and the first failure that made it fail. */
export interface GateFailure {
  readonly check: string;
  readonly newFailures: number;
  readonly detail: string;
}

/** See the module comment. */
export type Judgement =
  | { readonly verdict: "scored"; readonly score: Score; readonly checks: readonly CheckJudgement[] }
  | { readonly verdict: "wrong"; readonly failedGates: readonly GateFailure[]; readonly score: Score; readonly checks: readonly CheckJudgement[] }
  | {
      readonly verdict: "unjudged";
      /** The infrastructure's reason, or `not-comparable`: a gate's output could not be compared with its baseline (no report on either side). */
      readonly reason: CheckInfraReason | "not-comparable";
      readonly detail: string;
      readonly check?: string;
      readonly checks: readonly CheckJudgement[];
    }
  | { readonly verdict: "invalid"; readonly reason: string };

/** The judgement of a hypothesis whose edits did not apply. */
export function invalidJudgement(reason: string): Judgement {
  return { verdict: "invalid", reason };
}

/** The node state a judgement puts its node in (shared/domain NodeState). */
export function nodeStateFor(judgement: Judgement): NodeState {
  switch (judgement.verdict) {
    case "scored":
      return "scored";
    case "wrong":
    case "invalid":
      return "invalid";
    case "unjudged":
      return "failed-infra";
    default:
      return assertNever(judgement, "judgement");
  }
}

/** The check summaries of a judgement (none for an invalid hypothesis). */
export function checkSummaries(judgement: Judgement): CheckSummary[] {
  return judgement.verdict === "invalid" ? [] : judgement.checks.map((check) => check.summary);
}
