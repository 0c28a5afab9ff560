import { describe, expect, it } from "vitest";
import { fixture } from "../testing/fixtures.ts";
import { parseJunit } from "./parse-junit.ts";

function ids(text: string, root: string): [string, string][] {
  const result = parseJunit(text, root);
  if (!result.ok || result.report.kind !== "tests") throw new Error(JSON.stringify(result));
  return result.report.tests.map((test) => [test.id, test.status]);
}

describe("parseJunit on captured reports", () => {
  it("node --test-reporter=junit: nested suites, skip/todo, duplicates, the crashed file", () => {
    const junit = fixture("node-junit.xml", "node");
    expect(ids(junit.text, junit.root)).toEqual([
      ["test › crash.test.mjs", "failed"],
      ["test › adds numbers", "passed"],
      ["test › compares strictly", "failed"],
      ["parser › test › reads a line", "passed"],
      ["parser › test › throws on a bad line", "failed"],
      ["parser › test › handles unicode (not yet)", "skipped"],
      ["parser › test › handles CRLF", "skipped"],
      ["parser › nested suite › test › keeps # and \\ in names", "passed"],
      ["parent with subtests › test › first subtest", "passed"],
      ["parent with subtests › test › second subtest", "failed"],
      ["test › same name twice", "passed"],
      ["test › same name twice (2)", "failed"],
    ]);
  });

  it("vitest --reporter=junit: the file as suite and class, the crashed file as a failed case", () => {
    const junit = fixture("vitest-junit.xml", "vitest");
    expect(ids(junit.text, junit.root)).toEqual([
      ["crash.spec.ts", "failed"],
      ["math.spec.ts › adds numbers", "passed"],
      ["math.spec.ts › compares strictly", "failed"],
      ["math.spec.ts › parser > reads a line", "passed"],
      ["math.spec.ts › parser > throws on a bad line", "failed"],
      ["math.spec.ts › parser > handles unicode (not yet)", "skipped"],
      ["math.spec.ts › parser > handles CRLF", "skipped"],
      ["math.spec.ts › parser > nested suite > keeps # and \\ in names", "passed"],
    ]);
    const result = parseJunit(junit.text, junit.root);
    if (!result.ok || result.report.kind !== "tests") throw new Error("not parsed");
    expect(result.report.tests[0]?.message).toBe("Cannot find module './does-not-exist.ts' imported from crash.spec.ts");
  });

  it("jest-junit: suite errors reported, todo shown as passed (what jest-junit writes)", () => {
    const junit = fixture("jest-junit.xml", "jest");
    const tests = ids(junit.text, junit.root);
    expect(tests).toContainEqual(["undefined › compares strictly", "failed"]);
    expect(tests).toContainEqual(["undefined › parser nested suite keeps # and \\ in names", "passed"]);
    expect(tests).toContainEqual(["crash.test.js › Test suite failed to run › crash.test.js", "failed"]);
    expect(tests.filter(([, status]) => status === "failed")).toHaveLength(4);
  });

  it("refuses truncated and malformed XML", () => {
    const junit = fixture("node-junit.xml", "node");
    for (const cut of [10, 200, Math.floor(junit.text.length / 2), junit.text.length - 20]) {
      expect(parseJunit(junit.text.slice(0, cut), junit.root).ok, `cut at ${cut}`).toBe(false);
    }
    expect(parseJunit("<testsuites><testcase name='a'></testsuite></testsuites>", "/r")).toMatchObject({ ok: false, reason: expect.stringContaining("</testsuite> closes <testcase>") });
    expect(parseJunit("<html><body>502</body></html>", "/r")).toMatchObject({ ok: false });
    expect(parseJunit("all tests passed", "/r")).toMatchObject({ ok: false, reason: expect.stringContaining("no JUnit XML") });
  });
});
