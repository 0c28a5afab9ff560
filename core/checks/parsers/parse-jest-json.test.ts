import { describe, expect, it } from "vitest";
import { fixture } from "../testing/fixtures.ts";
import { parseJestJson } from "./parse-jest-json.ts";

describe("parseJestJson on captured reports", () => {
  it("vitest --reporter=json: files, describe paths, statuses, the crashed file", () => {
    const report = fixture("vitest.json", "vitest");
    const result = parseJestJson(report.text, report.root, "Vitest");
    if (!result.ok || result.report.kind !== "tests") throw new Error(JSON.stringify(result));
    expect(result.report.tests).toEqual([
      { id: "crash.spec.ts", status: "failed", message: "Cannot find module './does-not-exist.ts' imported from crash.spec.ts" },
      { id: "math.spec.ts › adds numbers", status: "passed" },
      { id: "math.spec.ts › compares strictly", status: "failed", message: "AssertionError: expected 2 to be 3 // Object.is equality" },
      { id: "math.spec.ts › parser › reads a line", status: "passed" },
      { id: "math.spec.ts › parser › throws on a bad line", status: "failed", message: "Error: bad line" },
      { id: "math.spec.ts › parser › handles unicode (not yet)", status: "skipped" },
      { id: "math.spec.ts › parser › handles CRLF", status: "skipped" },
      { id: "math.spec.ts › parser › nested suite › keeps # and \\ in names", status: "passed" },
    ]);
  });

  it("jest --json: the same shape, and a suite that failed to run", () => {
    const report = fixture("jest.json", "jest");
    const result = parseJestJson(report.text, report.root, "Jest");
    if (!result.ok || result.report.kind !== "tests") throw new Error(JSON.stringify(result));
    const byId = new Map(result.report.tests.map((test) => [test.id, test]));
    expect(byId.get("crash.test.js")).toEqual({ id: "crash.test.js", status: "failed", message: "Test suite failed to run" });
    expect(byId.get("math.test.js › compares strictly")).toMatchObject({ status: "failed", message: "Error: expect(received).toBe(expected) // Object.is equality" });
    expect(byId.get("math.test.js › parser › handles unicode (not yet)")?.status).toBe("skipped");
    expect(byId.get("math.test.js › parser › handles CRLF")?.status).toBe("skipped");
    expect(result.report.tests).toHaveLength(8);
  });

  it("reads a report after other output, refuses truncated JSON and other documents", () => {
    const report = fixture("vitest.json", "vitest");
    expect(parseJestJson(`npm warn something\n${report.text}`, report.root, "Vitest").ok).toBe(true);
    expect(parseJestJson(report.text.slice(0, report.text.length - 5), report.root, "Vitest")).toMatchObject({ ok: false, reason: expect.stringContaining("no Vitest JSON report") });
    expect(parseJestJson('{"numTotalTests": 3}', "/r", "Jest")).toEqual({ ok: false, reason: "the JSON is not a Jest report (no testResults array)" });
    expect(parseJestJson('{"testResults": [{"status": "passed"}]}', "/r", "Jest")).toMatchObject({ ok: false });
  });
});
