/** Test-shaped views of reports: an exit-code check is one test, so flakiness and confirmation work the same way. */
import type { CheckReport, TestResult } from "./check-report.ts";

/** Id of the single test an exit-code check stands for. */
export const exitCodeCheckId = "(exit code)";

/** The tests of a report (an exit-code report as one test); undefined for diagnostics and lint. */
export function reportTests(report: CheckReport): readonly TestResult[] | undefined {
  if (report.kind === "tests") return report.tests;
  if (report.kind === "exit-code") {
    return [report.exitCode === 0 ? { id: exitCodeCheckId, status: "passed" } : { id: exitCodeCheckId, status: "failed", message: `exited ${report.exitCode}` }];
  }
  return undefined;
}

/** Ids of tests whose results differ between two runs, including tests that appear in one run only. */
export function flakyTestIds(first: CheckReport, second: CheckReport): string[] {
  const a = new Map((reportTests(first) ?? []).map((test) => [test.id, test.status]));
  const b = new Map((reportTests(second) ?? []).map((test) => [test.id, test.status]));
  const ids = new Set([...a.keys(), ...b.keys()]);
  return [...ids].filter((id) => a.get(id) !== b.get(id)).sort();
}
