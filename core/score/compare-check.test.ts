import { describe, expect, it } from "vitest";
import type { CheckBaseline, Diagnostic, LintFinding, TestResult } from "../checks/index.ts";
import { compareCheck, compareDiagnostics, compareLint, compareTests } from "./compare-check.ts";

const ts = (file: string, line: number, code: number, message: string): Diagnostic => ({ file, line, column: 1, code, category: "error", message });

describe("compareDiagnostics", () => {
  it("ignores line moves and whitespace, counts as a multiset", () => {
    const baseline = [ts("a.ts", 3, 2322, "Type 'string' is not assignable to type 'number'.")];
    const moved = [ts("a.ts", 40, 2322, "Type 'string'  is not assignable\n to type 'number'.")];
    expect(compareDiagnostics(baseline, moved)).toEqual({ kind: "compared", newFailures: [], fixedFailures: 0, fixed: [], baselineFailures: 1, ignoredFlaky: 0 });
    const twice = [...moved, ts("a.ts", 41, 2322, "Type 'string' is not assignable to type 'number'.")];
    const result = compareDiagnostics(baseline, twice);
    expect(result).toMatchObject({ kind: "compared", fixedFailures: 0, baselineFailures: 1 });
    expect(result.kind === "compared" && result.newFailures.map((f) => f.label)).toEqual(["a.ts:41:1 TS2322: Type 'string' is not assignable to type 'number'."]);
  });

  it("tells files and codes apart, counts fixed errors, and never fails on warnings", () => {
    const baseline = [ts("a.ts", 1, 2322, "m"), ts("b.ts", 1, 2304, "Cannot find name 'x'.")];
    const current = [ts("b.ts", 1, 2322, "m"), { ...ts("c.ts", 1, 6133, "unused"), category: "warning" as const }];
    expect(compareDiagnostics(baseline, current)).toMatchObject({ newFailures: [{ label: "b.ts:1:1 TS2322: m" }], fixedFailures: 2, baselineFailures: 0 });
  });
});

describe("compareLint", () => {
  it("matches by file, rule and message, not position", () => {
    const finding = (line: number, ruleId?: string): LintFinding => ({ file: "src/a.js", severity: "error", message: "'x' is not defined.", line, column: 3, ...(ruleId ? { ruleId } : {}) });
    const result = compareLint([finding(1, "no-undef")], [finding(9, "no-undef"), finding(9, "no-undef"), finding(2)]);
    expect(result).toMatchObject({ kind: "compared", baselineFailures: 1, fixedFailures: 0 });
    expect(result.kind === "compared" && result.newFailures.map((f) => f.label)).toEqual(["src/a.js:9:3 error no-undef: 'x' is not defined.", "src/a.js:2:3 error parse error: 'x' is not defined."]);
  });
});

describe("compareTests", () => {
  const t = (id: string, status: TestResult["status"]): TestResult => ({ id, status });

  it("blames newly failing, new failing and vanished tests; not baseline failures or flaky ones", () => {
    const baseline = [t("ok→fail", "passed"), t("already broken", "failed"), t("fixed", "failed"), t("flaky", "passed"), t("vanished", "passed"), t("skipped→fail", "skipped")];
    const current = [t("ok→fail", "failed"), t("already broken", "failed"), t("fixed", "passed"), t("flaky", "failed"), t("brand new", "failed"), t("skipped→fail", "failed")];
    const result = compareTests(baseline, current, new Set(["flaky"]));
    expect(result).toMatchObject({ kind: "compared", fixedFailures: 1, baselineFailures: 1, ignoredFlaky: 1 });
    expect(result.kind === "compared" && result.newFailures.map((f) => f.key)).toEqual(["ok→fail", "brand new", "skipped→fail", "vanished"]);
  });
});

describe("compareCheck", () => {
  const baseline = (outcome: CheckBaseline["outcome"], flakyReport = false): CheckBaseline => ({
    version: 1,
    checkpointId: "sha256:1",
    check: "tests",
    fingerprint: "f",
    parser: "tap",
    outcome,
    flakyTests: [],
    flakyReport,
    runs: 2,
    durationMs: 10,
    measuredAt: "2026-01-01T00:00:00.000Z",
  });
  const raw = { stdout: "", stderr: "", truncated: false };
  const reported = { status: "reported" as const, report: { kind: "tests" as const, tests: [] }, exitCode: 0, durationMs: 5, raw };
  const crashed = { status: "no-report" as const, reason: "no TAP output", exitCode: 1, durationMs: 5, raw };

  it("blames a missing report only when the baseline reliably had one", () => {
    expect(compareCheck(baseline({ status: "reported", report: { kind: "tests", tests: [] } }), crashed)).toMatchObject({ kind: "compared", newFailures: [{ key: "(no report)", label: "no report: no TAP output" }] });
    expect(compareCheck(baseline({ status: "reported", report: { kind: "tests", tests: [] } }, true), crashed)).toMatchObject({ kind: "not-comparable" });
    expect(compareCheck(baseline({ status: "no-report", reason: "tsc crashed" }), crashed)).toEqual({ kind: "not-comparable", reason: "the baseline left no report (tsc crashed); this run left none either (no TAP output)" });
    expect(compareCheck(baseline({ status: "no-report", reason: "x" }), reported)).toMatchObject({ kind: "not-comparable" });
  });

  it("compares exit codes as one test", () => {
    const exitBaseline = { ...baseline({ status: "reported", report: { kind: "exit-code", exitCode: 0 } }), parser: "exit-code" as const };
    const failed = { ...reported, report: { kind: "exit-code" as const, exitCode: 2 }, exitCode: 2 };
    expect(compareCheck(exitBaseline, failed)).toMatchObject({ kind: "compared", newFailures: [{ key: "(exit code)", label: "(exit code): exited 2" }] });
  });
});
