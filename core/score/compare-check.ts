/**
 * Compares one run of a check with its baseline: which failures are new (the hypothesis's),
 * which baseline failures are fixed, which remain (not the hypothesis's). Type errors and lint
 * findings match by file, code or rule, and normalized message — never by line, since edits move
 * code — as multisets; tests match by id, ignoring the ones flaky at the baseline.
 */
import { assertNever } from "../../shared/assert-never.ts";
import type { CheckBaseline, CheckReport, CheckRun, Diagnostic, LintFinding, TestResult } from "../checks/index.ts";
import { reportTests } from "../checks/index.ts";
import { multisetDelta, noReportKey, normalizeMessage, type Failure } from "./failure.ts";

/** What a run says relative to the baseline, or why it cannot be compared. */
export type CheckComparison =
  | {
      readonly kind: "compared";
      readonly newFailures: readonly Failure[];
      readonly fixedFailures: number;
      /** The baseline failures that no longer occur (as many as fixedFailures). */
      readonly fixed: readonly Failure[];
      readonly baselineFailures: number;
      /** Failing results ignored because they were flaky at the baseline. */
      readonly ignoredFlaky: number;
    }
  | { readonly kind: "not-comparable"; readonly reason: string };

/** Compares a run that finished (reported or not) with the check's baseline. */
export function compareCheck(baseline: CheckBaseline, run: Exclude<CheckRun, { status: "infra" }>): CheckComparison {
  if (baseline.outcome.status === "no-report") {
    const now = run.status === "reported" ? "this run reported" : `this run left none either (${run.reason})`;
    return { kind: "not-comparable", reason: `the baseline left no report (${baseline.outcome.reason}); ${now}` };
  }
  if (run.status === "no-report") {
    if (baseline.flakyReport) return { kind: "not-comparable", reason: `no report (${run.reason}); the baseline too left one only on some runs` };
    return { kind: "compared", newFailures: [{ key: noReportKey, label: `no report: ${run.reason}` }], fixedFailures: 0, fixed: [], baselineFailures: 0, ignoredFlaky: 0 };
  }
  return compareReports(baseline.outcome.report, run.report, new Set(baseline.flakyTests));
}

/** Compares two reports of the same parser. */
export function compareReports(baseline: CheckReport, current: CheckReport, flaky: ReadonlySet<string> = new Set()): CheckComparison {
  switch (current.kind) {
    case "diagnostics":
      if (baseline.kind !== "diagnostics") break;
      return compareDiagnostics(baseline.diagnostics, current.diagnostics);
    case "lint":
      if (baseline.kind !== "lint") break;
      return compareLint(baseline.findings, current.findings);
    case "tests":
    case "exit-code": {
      const before = reportTests(baseline);
      const after = reportTests(current);
      if (!before || !after) break;
      return compareTests(before, after, flaky);
    }
    default:
      return assertNever(current, "check report");
  }
  return { kind: "not-comparable", reason: `the baseline's report is ${baseline.kind}, this run's is ${current.kind}` };
}

/** New type errors: matched by file, code and normalized message as a multiset (errors only; warnings never fail). */
export function compareDiagnostics(baseline: readonly Diagnostic[], current: readonly Diagnostic[]): CheckComparison {
  const errors = (list: readonly Diagnostic[]) => list.filter((diagnostic) => diagnostic.category === "error");
  const key = (d: Diagnostic) => `${d.file ?? ""}\u0000TS${d.code}\u0000${normalizeMessage(d.message)}`;
  const delta = multisetDelta(errors(baseline), errors(current), key);
  const failure = (d: Diagnostic) => ({
    key: key(d),
    label: `${d.file ? `${d.file}${d.line === undefined ? "" : `:${d.line}:${d.column ?? 1}`} ` : ""}TS${d.code}: ${d.message.split("\n")[0] ?? ""}`,
  });
  return { kind: "compared", newFailures: delta.added.map(failure), fixedFailures: delta.removed, fixed: delta.gone.map(failure), baselineFailures: delta.remaining, ignoredFlaky: 0 };
}

/** New lint findings: matched by file, rule and normalized message as a multiset, errors and warnings alike. */
export function compareLint(baseline: readonly LintFinding[], current: readonly LintFinding[]): CheckComparison {
  const key = (f: LintFinding) => `${f.file}\u0000${f.ruleId ?? "(fatal)"}\u0000${normalizeMessage(f.message)}`;
  const delta = multisetDelta(baseline, current, key);
  const failure = (f: LintFinding) => ({ key: key(f), label: `${f.file}${f.line === undefined ? "" : `:${f.line}:${f.column ?? 1}`} ${f.severity} ${f.ruleId ?? "parse error"}: ${f.message}` });
  return { kind: "compared", newFailures: delta.added.map(failure), fixedFailures: delta.removed, fixed: delta.gone.map(failure), baselineFailures: delta.remaining, ignoredFlaky: 0 };
}

/**
 * Tests that fail now and did not at the baseline (passed, skipped or new), and baseline-passing
 * tests that are no longer reported, are new failures; tests failing at the baseline too are not;
 * baseline failures that pass now are fixed. Tests flaky at the baseline are ignored.
 */
export function compareTests(baseline: readonly TestResult[], current: readonly TestResult[], flaky: ReadonlySet<string>): CheckComparison {
  const before = new Map(baseline.map((test) => [test.id, test.status]));
  const seen = new Set<string>();
  const newFailures: Failure[] = [];
  const fixed: Failure[] = [];
  let baselineFailures = 0;
  let ignoredFlaky = 0;
  for (const test of current) {
    seen.add(test.id);
    if (flaky.has(test.id)) {
      if (test.status === "failed") ignoredFlaky++;
      continue;
    }
    const was = before.get(test.id);
    if (test.status === "failed") {
      if (was === "failed") baselineFailures++;
      else newFailures.push({ key: test.id, label: `${test.id}: ${test.message ?? "failed"}${was === undefined ? " (a new test)" : ""}` });
    } else if (test.status === "passed" && was === "failed") fixed.push({ key: test.id, label: test.id });
  }
  for (const test of baseline) {
    if (test.status === "passed" && !seen.has(test.id) && !flaky.has(test.id)) newFailures.push({ key: test.id, label: `${test.id}: passed at the baseline, not reported now` });
  }
  return { kind: "compared", newFailures, fixedFailures: fixed.length, fixed, baselineFailures, ignoredFlaky };
}
