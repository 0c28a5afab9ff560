/**
 * What a check's report says once parsed, independent of the tool that wrote it: type-checker
 * diagnostics, test results, lint findings, or only an exit code. Plain JSON-safe data, so a
 * baseline can be kept in the store and compared with a hypothesis's run later.
 */
import type { FastCheckDiagnostic } from "../fastcheck/index.ts";

/** One TypeScript diagnostic (the fast tier's shape, so both tiers compare the same way). */
export type Diagnostic = FastCheckDiagnostic;

/** How one test ended. `skipped` includes todo and pending tests. */
export type TestStatus = "passed" | "failed" | "skipped";

/** One test of a report. */
export interface TestResult {
  /** Stable identity across runs: file (when the report names it), suites and title, joined by " › ". */
  readonly id: string;
  readonly status: TestStatus;
  /** The first line of the failure message, for the UI. */
  readonly message?: string;
}

/** One lint problem. */
export interface LintFinding {
  /** POSIX path relative to the repository root. */
  readonly file: string;
  /** The rule's id; absent for a fatal (parse) error. */
  readonly ruleId?: string;
  readonly severity: "error" | "warning";
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** A parsed report; `kind` follows from the check's parser. */
export type CheckReport =
  | { readonly kind: "diagnostics"; readonly diagnostics: readonly Diagnostic[] }
  | { readonly kind: "tests"; readonly tests: readonly TestResult[] }
  | { readonly kind: "lint"; readonly findings: readonly LintFinding[] }
  | { readonly kind: "exit-code"; readonly exitCode: number };

/** What a parser made of a command's output: a report, or why there is none. */
export type ParseResult = { readonly ok: true; readonly report: CheckReport } | { readonly ok: false; readonly reason: string };
