/**
 * Reads JUnit XML as node's test runner (`--test-reporter=junit`), Vitest (`--reporter=junit`)
 * and jest-junit write it: `<testsuites>`/`<testsuite>` (nested for describe blocks), `<testcase>`
 * with `<failure>`, `<error>` or `<skipped>`. A test's id is its suites, class name and name.
 */
import type { ParseResult, TestResult } from "../check-report.ts";
import { childElements, parseXml, textContent, XmlError, type XmlElement } from "./parse-xml.ts";
import { firstLine, testId, uniqueIds, withoutRoot } from "./report-text.ts";

/** Parses a JUnit XML report; `root` (the repository's absolute path) is removed from names and messages. */
export function parseJunit(text: string, root: string): ParseResult {
  const start = text.search(/<\?xml|<testsuites[\s>]|<testsuite[\s>]/);
  if (start < 0) return { ok: false, reason: "no JUnit XML in the output (no <testsuites> or <testsuite>)" };
  let document: XmlElement;
  try {
    document = parseXml(text.slice(start));
  } catch (error) {
    if (error instanceof XmlError || error instanceof RangeError) return { ok: false, reason: `the JUnit XML is malformed: ${error.message}` };
    throw error;
  }
  if (document.name !== "testsuites" && document.name !== "testsuite") return { ok: false, reason: `the XML's root is <${document.name}>, not <testsuites> or <testsuite>` };
  const tests: TestResult[] = [];
  collect(document, [], root, tests);
  return { ok: true, report: { kind: "tests", tests: uniqueIds(tests) } };
}

function collect(element: XmlElement, suites: readonly string[], root: string, into: TestResult[]): void {
  for (const child of childElements(element)) {
    if (child.name === "testsuite") collect(child, [...suites, withoutRoot(child.attributes.name ?? "", root)], root, into);
    else if (child.name === "testcase") into.push(testCase(child, suites, root));
  }
}

function testCase(element: XmlElement, suites: readonly string[], root: string): TestResult {
  const id = testId([...suites, withoutRoot(element.attributes.classname ?? "", root), withoutRoot(element.attributes.name ?? "", root)]);
  const failure = childElements(element).find((child) => child.name === "failure" || child.name === "error");
  if (failure) {
    const message = firstLine(withoutRoot(failure.attributes.message || textContent(failure), root));
    return { id, status: "failed", ...(message ? { message } : {}) };
  }
  if (childElements(element, "skipped").length > 0) return { id, status: "skipped" };
  return { id, status: "passed" };
}
