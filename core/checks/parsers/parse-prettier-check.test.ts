import { describe, expect, it } from "vitest";
import { compareLint } from "../../score/compare-check.ts";
import { parsePrettierCheck } from "./parse-prettier-check.ts";
import { fixture } from "../testing/fixtures.ts";

describe("parsePrettierCheck on captured output", () => {
  it("reads unformatted files and files prettier could not parse (stdout and stderr together)", () => {
    const captured = fixture("prettier-check.txt", "tsc"); // prettier 3 on a TypeScript folder, with 2>&1
    const result = parsePrettierCheck(captured.text, captured.exitCode, "/repo");
    if (!result.ok || result.report.kind !== "lint") throw new Error(JSON.stringify(result));
    expect(result.report.findings.map((finding) => `${finding.ruleId} ${finding.file}`)).toEqual([
      "prettier/parse src/broken.ts",
      "prettier/format src/inventory.ts",
      "prettier/format src/orders.ts",
      "prettier/format src/report.ts",
      "prettier/format src/ugly.ts",
    ]);
    expect(result.report.findings[0]?.message).toBe("SyntaxError: Variable declaration expected. (1:14)");
  });

  it("blames a hypothesis only for files it leaves unformatted that were formatted at the baseline", () => {
    const baseline = parsePrettierCheck("[warn] src/old.ts\n[warn] Code style issues found in the above file. Run Prettier with --write to fix.\n", 1, "/r");
    const now = parsePrettierCheck("[warn] src/old.ts\n[warn] src/new.ts\n[warn] Code style issues found in 2 files. Run Prettier with --write to fix.\n", 1, "/r");
    if (!baseline.ok || !now.ok || baseline.report.kind !== "lint" || now.report.kind !== "lint") throw new Error("expected reports");
    expect(compareLint(baseline.report.findings, now.report.findings)).toMatchObject({ newFailures: [{ label: "src/new.ts error prettier/format: not formatted (prettier --check)" }], baselineFailures: 1 });
  });

  it("reads a clean run, and refuses output it cannot account for", () => {
    expect(parsePrettierCheck("Checking formatting...\nAll matched files use Prettier code style!\n", 0, "/r")).toEqual({ ok: true, report: { kind: "lint", findings: [] } });
    expect(parsePrettierCheck("Checking formatting...\n", 1, "/r")).toEqual({ ok: false, reason: "prettier exited 1 without naming a file: add 2>&1 to the command so its warnings are read" });
    expect(parsePrettierCheck("sh: prettier: not found\n", 127, "/r").ok).toBe(false);
  });
});
