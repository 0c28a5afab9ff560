import type { FileChanges } from "../../shared/file-changes.ts";
import type { ApplyResult } from "../../core/edits/index.ts";

/** How one case came out for one applier. */
export type CaseOutcome =
  /** should-apply: applied, and every changed file is byte for byte the expected one. */
  | "exact"
  /** should-apply: applied, but some file differs from what was meant (wrong place or wrong content). */
  | "wrong"
  /** should-apply: refused. */
  | "refused"
  /** should-reject: refused, as it should. */
  | "rejected"
  /** should-reject: applied anyway. */
  | "false-accept";

/** Judges an applier's result against the case's expectation, computed by the generator. */
export function judge(expect: "apply" | "reject", result: ApplyResult, expected: FileChanges | undefined): CaseOutcome {
  if (expect === "reject") return result.kind === "applied" ? "false-accept" : "rejected";
  if (result.kind === "failed") return "refused";
  return sameChanges(result.changes, expected ?? {}) ? "exact" : "wrong";
}

function sameChanges(actual: FileChanges, expected: FileChanges): boolean {
  const keys = Object.keys(actual).sort();
  const wanted = Object.keys(expected).sort();
  return keys.length === wanted.length && keys.every((k, i) => k === wanted[i] && actual[k] === expected[k]);
}

/** The q-quantile (0..1) of a list of numbers, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
