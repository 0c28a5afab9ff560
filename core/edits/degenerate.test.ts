import { describe, expect, it } from "vitest";
import { applyEdits } from "./apply-edits.ts";
import { makeBlock } from "./testing-helpers.ts";

describe("degenerate inputs stay fast and correct", () => {
  it("a file of identical lines and a long SEARCH of them: ambiguous, quickly", () => {
    const file = "x\n".repeat(20_000);
    const started = performance.now();
    const result = applyEdits({ "a.ts": file }, [makeBlock("a.ts", Array(5_000).fill("x").join("\n"), "y")]);
    expect(result).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "ambiguous" } }] });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("a long SEARCH of common lines that is not in the file: not found, quickly", () => {
    const file = "x\n".repeat(20_000);
    const started = performance.now();
    const result = applyEdits({ "a.ts": file }, [makeBlock("a.ts", [...Array(5_000).fill("x"), "zzz"].join("\n"), "y")]);
    expect(result).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "not-found" } }] });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("counts every chain of an elided SEARCH, however common its pieces", () => {
    // One `start` line, then 150 `}` lines: 30 of them after it. Only counting them all shows the ambiguity.
    const lines = [...Array(120).fill("}"), "start();", ...Array(30).fill("}")];
    const result = applyEdits({ "a.ts": lines.join("\n") }, [makeBlock("a.ts", "start();\n...\n}", "begin();\n...\n}")]);
    expect(result).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "ambiguous", strategy: "elision", count: 30 } }] });
  });
});
