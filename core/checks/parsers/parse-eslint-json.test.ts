import { describe, expect, it } from "vitest";
import { fixture } from "../testing/fixtures.ts";
import { parseEslintJson } from "./parse-eslint-json.ts";

describe("parseEslintJson on a captured report", () => {
  it("reads errors, warnings and a fatal parse error with repository-relative paths", () => {
    const report = fixture("eslint.json", "eslint");
    expect(report.exitCode).toBe(1);
    expect(parseEslintJson(report.text, report.root)).toEqual({
      ok: true,
      report: {
        kind: "lint",
        findings: [
          { file: "src/bad.js", ruleId: "no-unused-vars", severity: "error", message: "'unused' is assigned a value but never used.", line: 3, column: 7 },
          { file: "src/bad.js", ruleId: "eqeqeq", severity: "warning", message: "Expected '===' and instead saw '=='.", line: 5, column: 13 },
          { file: "src/bad.js", ruleId: "no-console", severity: "warning", message: "Unexpected console statement.", line: 5, column: 22 },
          { file: "src/bad.js", ruleId: "no-undef", severity: "error", message: "'undefinedName' is not defined.", line: 6, column: 10 },
          { file: "src/syntax.js", severity: "error", message: "Parsing error: Unexpected token ;", line: 1, column: 16 },
        ],
      },
    });
  });

  it("refuses truncated JSON and documents that are not ESLint's", () => {
    const report = fixture("eslint.json", "eslint");
    expect(parseEslintJson(report.text.slice(0, 500), report.root).ok).toBe(false);
    expect(parseEslintJson('{"files": []}', "/r")).toEqual({ ok: false, reason: "the JSON is not an ESLint report (not an array of files)" });
    expect(parseEslintJson('[{"filePath": "/r/a.js"}]', "/r")).toMatchObject({ ok: false });
    expect(parseEslintJson("Oops! Something went wrong! :(", "/r").ok).toBe(false);
  });
});
