import { describe, expect, it } from "vitest";
import { fixture } from "../testing/fixtures.ts";
import { exitCodeTestId, parseReport } from "./parse-report.ts";

describe("parseReport", () => {
  it("adds a failed entry when a test command exits non-zero with no failing test", () => {
    const pass = fixture("node-tap-pass.txt", "node");
    const result = parseReport("tap", { ...pass, exitCode: 1 });
    expect(result).toMatchObject({ ok: true, report: { kind: "tests", tests: [{ status: "passed" }, { status: "passed" }, { id: exitCodeTestId, status: "failed" }] } });
    expect(parseReport("tap", pass)).toMatchObject({ ok: true, report: { tests: [{ status: "passed" }, { status: "passed" }] } });
  });

  it("reads exit codes, and refuses an ESLint that failed on its own", () => {
    expect(parseReport("exit-code", { text: "", exitCode: 3, root: "/r" })).toEqual({ ok: true, report: { kind: "exit-code", exitCode: 3 } });
    const eslint = fixture("eslint.json", "eslint");
    expect(parseReport("eslint-json", { ...eslint, exitCode: 2 })).toEqual({ ok: false, reason: "eslint exited 2: a configuration error or a crash" });
    expect(parseReport("eslint-json", eslint)).toMatchObject({ ok: true, report: { kind: "lint" } });
  });

  it("never throws, even on deeply nested XML", () => {
    const deep = "<testsuites>" + "<testsuite>".repeat(20_000);
    expect(parseReport("junit", { text: deep, exitCode: 1, root: "/r" }).ok).toBe(false);
  });
});
