import { describe, expect, it } from "vitest";
import { parseJsonAmidOutput, testId, toRepoPath, uniqueIds, withoutRoot } from "./report-text.ts";

describe("report text helpers", () => {
  it("makes paths under the root relative, and leaves others alone", () => {
    expect(toRepoPath("/work/src/a.ts", "/work")).toBe("src/a.ts");
    expect(toRepoPath("file:///work/src/a%20b.ts", "/work")).toBe("src/a b.ts");
    expect(toRepoPath("/usr/lib/node/x.js", "/work")).toBe("/usr/lib/node/x.js");
    expect(toRepoPath("./src/a.ts", "/work")).toBe("src/a.ts");
    expect(withoutRoot("at file:///work/a.ts:1:2 and /work/b.ts", "/work")).toBe("at a.ts:1:2 and b.ts");
    expect(withoutRoot("/a/b", "/")).toBe("/a/b");
  });

  it("finds JSON after other output, joins ids, numbers repeats", () => {
    expect(parseJsonAmidOutput('> npm run x\n\n{"a": [1]}\n')).toEqual({ a: [1] });
    // a structured logger's JSON lines printed by the tests before the report
    expect(parseJsonAmidOutput('{"level":"info","message":"x"}\n{"level":"warn"}\n{"numTotalTests":3,"testResults":[]}\n')).toEqual({ numTotalTests: 3, testResults: [] });
    expect(() => parseJsonAmidOutput("nothing here")).toThrow();
    expect(testId(["a.ts", "", " suite ", "suite", "t"])).toBe("a.ts › suite › t");
    expect(uniqueIds([{ id: "x" }, { id: "y" }, { id: "x" }, { id: "x" }]).map((item) => item.id)).toEqual(["x", "y", "x (2)", "x (3)"]);
  });
});
