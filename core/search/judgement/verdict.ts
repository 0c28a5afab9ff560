import type { CheckSummary } from "../../../shared/domain/check-summary.ts";
import type { NodeState } from "../../../shared/domain/node-state.ts";
import type { Score } from "../../../shared/domain/score.ts";
import type { CheckSpec } from "../../spec/check-schema.ts";

/** Points per target site migrated, against which check weights are measured. */
export const pointsPerSite = 10;

/** What a node's checks and sites make of it: its next state, why, and its score when it has one. */
export type Verdict =
  | { readonly state: "scored"; readonly score: Score; readonly reason?: string }
  | { readonly state: Extract<NodeState, "invalid" | "failed-infra">; readonly reason: string; readonly score?: Score };

/**
 * Baseline-relative judgement: an infrastructure error makes the node `failed-infra` (never a
 * verdict on the hypothesis), a new failure of a gate makes it `invalid`, anything else is scored:
 * points per site migrated since the root, minus each score check's new failures times its
 * weight (plus its fixed failures).
 */
export function verdictOf(checks: readonly CheckSummary[], specs: readonly CheckSpec[], sitesAtRoot: number, sitesLeft: number): Verdict {
  const parts: Record<string, number> = { sites: (sitesAtRoot - sitesLeft) * pointsPerSite };
  let gatesHeld = true;
  let gateReason: string | undefined;
  for (const check of checks) {
    if (check.status === "error") return { state: "failed-infra", reason: `check ${check.name} could not be judged: ${check.detail ?? "infrastructure fault"}` };
    const weight = specs.find((spec) => spec.name === check.name)?.weight ?? 1;
    if (check.mode === "gate") {
      if (check.status === "failed") {
        gatesHeld = false;
        gateReason ??= `gate ${check.name}: ${check.newFailures} new failure${check.newFailures === 1 ? "" : "s"}${check.detail ? ` — ${check.detail}` : ""}`;
      }
    } else {
      parts[check.name] = (check.fixedFailures - check.newFailures) * weight;
    }
  }
  const value = Object.values(parts).reduce((sum, part) => sum + part, 0);
  const score: Score = { value, sitesLeft, gatesHeld, parts };
  if (!gatesHeld) return { state: "invalid", reason: gateReason ?? "a gate failed", score };
  return { state: "scored", score };
}

/** True when a node is a solution: no site left and every gate held. */
export function isSolution(score: Score | undefined): boolean {
  return score !== undefined && score.sitesLeft === 0 && score.gatesHeld;
}
