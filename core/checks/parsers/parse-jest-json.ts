/**
 * Reads the JSON report of Jest (`--json`) and of Vitest (`--reporter=json`, which follows Jest's
 * shape): `testResults[]` per file with `assertionResults[]` per test. A file that failed to run
 * (no tests, or a failure outside any test such as a hook) counts as a failed entry of its own.
 */
import type { ParseResult, TestResult, TestStatus } from "../check-report.ts";
import { firstLine, parseJsonAmidOutput, testId, toRepoPath, uniqueIds, withoutRoot } from "./report-text.ts";

interface AssertionResult {
  readonly ancestorTitles?: unknown;
  readonly title?: unknown;
  readonly status?: unknown;
  readonly failureMessages?: unknown;
}

/** Parses a Jest- or Vitest-style JSON report; file paths become relative to `root`. */
export function parseJestJson(text: string, root: string, tool: "Jest" | "Vitest"): ParseResult {
  let document: unknown;
  try {
    document = parseJsonAmidOutput(text);
  } catch (error) {
    return { ok: false, reason: `no ${tool} JSON report in the output: ${error instanceof Error ? error.message : String(error)}` };
  }
  const files = isRecord(document) ? document.testResults : undefined;
  if (!Array.isArray(files)) return { ok: false, reason: `the JSON is not a ${tool} report (no testResults array)` };
  const tests: TestResult[] = [];
  for (const file of files) {
    if (!isRecord(file) || typeof file.name !== "string") return { ok: false, reason: `a ${tool} testResults entry has no file name` };
    const path = toRepoPath(file.name, root);
    const assertions = Array.isArray(file.assertionResults) ? (file.assertionResults as AssertionResult[]) : [];
    for (const assertion of assertions) {
      const ancestors = Array.isArray(assertion.ancestorTitles) ? assertion.ancestorTitles.map(String) : [];
      const status = testStatus(assertion.status);
      const messages = Array.isArray(assertion.failureMessages) ? assertion.failureMessages.map(String) : [];
      const message = status === "failed" ? firstLine(withoutRoot(messages[0] ?? "", root)) : undefined;
      tests.push({ id: testId([path, ...ancestors, String(assertion.title ?? "")]), status, ...(message ? { message } : {}) });
    }
    const fileFailed = file.status === "failed" && !tests.some((test) => test.status === "failed" && test.id.startsWith(`${path} › `));
    if (fileFailed) {
      const message = firstLine(withoutRoot(typeof file.message === "string" ? file.message.replace(/^\s*●\s*/, "") : "", root));
      tests.push({ id: path, status: "failed", ...(message ? { message } : {}) });
    }
  }
  return { ok: true, report: { kind: "tests", tests: uniqueIds(tests) } };
}

function testStatus(status: unknown): TestStatus {
  if (status === "passed") return "passed";
  if (status === "failed") return "failed";
  return "skipped"; // pending, skipped, todo, disabled, focused-out
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
