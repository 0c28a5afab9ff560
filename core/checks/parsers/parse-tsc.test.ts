import { describe, expect, it } from "vitest";
import { fixture } from "../testing/fixtures.ts";
import { parseTsc } from "./parse-tsc.ts";

describe("parseTsc on captured output", () => {
  it("reads located diagnostics and joins chained messages", () => {
    const tsc = fixture("tsc.txt", "tsc");
    expect(tsc.exitCode).toBe(2);
    const result = parseTsc(tsc.text, tsc.exitCode, tsc.root);
    if (!result.ok || result.report.kind !== "diagnostics") throw new Error(JSON.stringify(result));
    expect(result.report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} TS${d.code}`)).toEqual([
      "src/errors.ts:2:14 TS2322",
      "src/errors.ts:3:14 TS2322",
      "src/errors.ts:9:47 TS2322",
      "src/errors.ts:14:8 TS2322",
      "src/errors.ts:17:6 TS2345",
      "src/other.ts:2:10 TS2305",
      "src/other.ts:2:25 TS5097",
    ]);
    expect(result.report.diagnostics[4]).toEqual({
      file: "src/errors.ts",
      line: 17,
      column: 6,
      code: 2345,
      category: "error",
      message: "Argument of type '{ kind: \"circle\"; radius: string; }' is not assignable to parameter of type 'Shape'.\nTypes of property 'radius' are incompatible.\nType 'string' is not assignable to type 'number'.",
    });
  });

  it("reads pretty output (a tsconfig with pretty: true) the same as plain output", () => {
    const plain = fixture("tsc.txt", "tsc");
    const pretty = fixture("tsc-pretty.txt", "tsc");
    expect(pretty.text).toContain("\u001b["); // colours, code frames, related locations, a summary table
    expect(parseTsc(pretty.text, pretty.exitCode, pretty.root)).toEqual(parseTsc(plain.text, plain.exitCode, plain.root));
  });

  it("reads a configuration error located in tsconfig", () => {
    const tsc = fixture("tsc-bad-config.txt", "tsc");
    const result = parseTsc(tsc.text, tsc.exitCode, tsc.root);
    if (!result.ok || result.report.kind !== "diagnostics") throw new Error(JSON.stringify(result));
    expect(result.report.diagnostics.at(-1)).toEqual({ file: "tsconfig.bad.json", line: 2, column: 40, code: 5023, category: "error", message: "Unknown compiler option 'noSuchOption'." });
  });

  it("reads global diagnostics and a clean run", () => {
    expect(parseTsc("error TS6053: File '/r/missing.ts' not found.\n", 1, "/r")).toEqual({
      ok: true,
      report: { kind: "diagnostics", diagnostics: [{ code: 6053, category: "error", message: "File 'missing.ts' not found." }] },
    });
    expect(parseTsc("", 0, "/r")).toEqual({ ok: true, report: { kind: "diagnostics", diagnostics: [] } });
  });

  it("refuses output of a tsc that did not finish", () => {
    const tsc = fixture("tsc.txt", "tsc");
    expect(parseTsc(tsc.text.slice(0, 100), 134, tsc.root)).toEqual({ ok: false, reason: "tsc exited 134: it did not run to the end" });
    expect(parseTsc("<--- Last few GCs --->\nFATAL ERROR: Reached heap limit\n", 1, "/r")).toEqual({ ok: false, reason: "tsc exited 1 without reporting an error" });
    expect(parseTsc("sh: 1: tsc: not found\n", 127, "/r").ok).toBe(false);
  });
});
