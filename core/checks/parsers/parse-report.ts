/** Reads a check's output with the parser its spec names. */
import { assertNever } from "../../../shared/assert-never.ts";
import type { CheckParser } from "../../spec/check-schema.ts";
import type { ParseResult, TestResult } from "../check-report.ts";
import { parseEslintJson } from "./parse-eslint-json.ts";
import { parseJestJson } from "./parse-jest-json.ts";
import { parseJunit } from "./parse-junit.ts";
import { parsePrettierCheck } from "./parse-prettier-check.ts";
import { parseTap } from "./parse-tap.ts";
import { parseTsc } from "./parse-tsc.ts";

/** What a parser reads: the report's text (stdout or the report file), the command's exit code, and the repository root it ran in. */
export interface ReportInput {
  readonly text: string;
  readonly exitCode: number;
  /** Absolute path of the repository in the sandbox; absolute paths under it become relative. */
  readonly root: string;
}

/** Id of the entry added when a test command fails without any failing test in its report. */
export const exitCodeTestId = "(test command exit code)";

/**
 * Parses one check's output. For test reports, a non-zero exit with no failing test (an
 * unhandled error outside tests, a crash after the report) adds one failed entry, {@link exitCodeTestId}.
 * Never throws: anything unreadable is a `{ ok: false, reason }`.
 */
export function parseReport(parser: CheckParser, input: ReportInput): ParseResult {
  try {
    const result = parseWith(parser, input);
    if (!result.ok || result.report.kind !== "tests" || input.exitCode === 0) return result;
    if (result.report.tests.some((test) => test.status === "failed")) return result;
    const exit: TestResult = { id: exitCodeTestId, status: "failed", message: `the test command exited ${input.exitCode} although no test failed` };
    return { ok: true, report: { kind: "tests", tests: [...result.report.tests, exit] } };
  } catch (error) {
    return { ok: false, reason: `the ${parser} parser failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function parseWith(parser: CheckParser, input: ReportInput): ParseResult {
  switch (parser) {
    case "tsc":
      return parseTsc(input.text, input.exitCode, input.root);
    case "tap":
      return parseTap(input.text, input.root);
    case "junit":
      return parseJunit(input.text, input.root);
    case "vitest-json":
      return parseJestJson(input.text, input.root, "Vitest");
    case "jest-json":
      return parseJestJson(input.text, input.root, "Jest");
    case "eslint-json":
      return parseEslint(input);
    case "prettier-check":
      return parsePrettierCheck(input.text, input.exitCode, input.root);
    case "exit-code":
      return { ok: true, report: { kind: "exit-code", exitCode: input.exitCode } };
    default:
      return assertNever(parser, "check parser");
  }
}

/** ESLint exits 0 (clean) or 1 (errors found); 2 is its own failure (bad config, crash), whatever it printed. */
function parseEslint(input: ReportInput): ParseResult {
  if (input.exitCode !== 0 && input.exitCode !== 1) return { ok: false, reason: `eslint exited ${input.exitCode}: a configuration error or a crash` };
  return parseEslintJson(input.text, input.root);
}
