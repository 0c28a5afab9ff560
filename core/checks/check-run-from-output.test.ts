import { describe, expect, it } from "vitest";
import type { CheckDefinition } from "./check-definition.ts";
import { checkRunFromOutput } from "./check-run-from-output.ts";
import { fixture } from "./testing/fixtures.ts";

const vitest: CheckDefinition = { name: "unit", command: "npx vitest run --reporter=json", parser: "vitest-json", timeoutSec: 60, mode: "gate", weight: 1 };

describe("checkRunFromOutput", () => {
  it("parses stdout, or the report file when the check names one", () => {
    const report = fixture("vitest.json", "vitest");
    const fromStdout = checkRunFromOutput(vitest, { exitCode: 1, stdout: report.text, durationMs: 7 }, report.root);
    expect(fromStdout).toMatchObject({ status: "reported", exitCode: 1, durationMs: 7, report: { kind: "tests" } });
    const withFile = { ...vitest, reportFile: "report.json" };
    expect(checkRunFromOutput(withFile, { exitCode: 1, stdout: "RUN v4\n", reportText: report.text, durationMs: 7 }, report.root)).toMatchObject({ status: "reported", raw: { stdout: "RUN v4\n" } });
    expect(checkRunFromOutput(withFile, { exitCode: 1, stdout: "", durationMs: 7 }, report.root)).toMatchObject({ status: "no-report", reason: "the command (exited 1) did not write its report file report.json" });
  });

  it("refuses a report cut by the output cap, and keeps the reason of an unparseable one", () => {
    const report = fixture("vitest.json", "vitest");
    expect(checkRunFromOutput(vitest, { exitCode: 1, stdout: report.text, stdoutTruncated: true, durationMs: 1 }, report.root)).toMatchObject({ status: "no-report", reason: expect.stringContaining("cut at the capture limit") });
    expect(checkRunFromOutput(vitest, { exitCode: 1, stdout: "Error: Cannot find module 'vitest'", durationMs: 1 }, "/r")).toMatchObject({ status: "no-report", reason: expect.stringContaining("no Vitest JSON report") });
  });
});
