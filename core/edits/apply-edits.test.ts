import { describe, expect, it } from "vitest";
import { applyEdits, applyEditsExactUnique, applyEditText } from "./apply-edits.ts";
import type { ApplyResult } from "./apply-result.ts";
import { blockText, makeBlock } from "./testing-helpers.ts";

function changed(result: ApplyResult, path = "a.ts"): string | null | undefined {
  if (result.kind === "failed") throw new Error(result.message);
  return result.changes[path];
}

describe("line endings, BOM and final newline", () => {
  it("keeps CRLF, and gives new lines CRLF", () => {
    const result = applyEdits({ "a.ts": "a\r\nb\r\nc\r\n" }, [makeBlock("a.ts", "b", "b1\nb2")]);
    expect(changed(result)).toBe("a\r\nb1\r\nb2\r\nc\r\n");
  });

  it("keeps each unchanged line's own ending in a mixed file", () => {
    const result = applyEdits({ "a.ts": "a\r\nb\nc\r\nd\r\n" }, [makeBlock("a.ts", "b\nc", "b\nX\nc")]);
    expect(changed(result)).toBe("a\r\nb\nX\r\nc\r\nd\r\n");
  });

  it("keeps the byte-order mark", () => {
    const result = applyEdits({ "a.ts": "\uFEFFa\nb\n" }, [makeBlock("a.ts", "a", "z")]);
    expect(changed(result)).toBe("\uFEFFz\nb\n");
  });

  it("keeps a missing final newline, also when the edit touches or removes the last line", () => {
    expect(changed(applyEdits({ "a.ts": "a\nb" }, [makeBlock("a.ts", "b", "b\nc")]))).toBe("a\nb\nc");
    expect(changed(applyEdits({ "a.ts": "a\nb" }, [makeBlock("a.ts", "b", "")]))).toBe("a");
    expect(changed(applyEdits({ "a.ts": "a\r\nb" }, [makeBlock("a.ts", "a", "a0\na1")]))).toBe("a0\r\na1\r\nb");
  });

  it("keeps a final newline when the last line is replaced or removed", () => {
    expect(changed(applyEdits({ "a.ts": "a\nb\n" }, [makeBlock("a.ts", "b", "c")]))).toBe("a\nc\n");
    expect(changed(applyEdits({ "a.ts": "a\nb\n" }, [makeBlock("a.ts", "b", "")]))).toBe("a\n");
  });

  it("writes unchanged lines byte for byte when a loose strategy matched", () => {
    const file = "\tif (x)  {   \r\n\t\tcall( a );\r\n\t}\r\n";
    const result = applyEdits({ "a.ts": file }, [makeBlock("a.ts", "if (x) {\n    call( a );\n}", "if (x) {\n    call( a );\n    more();\n}")]);
    expect(changed(result)).toBe("\tif (x)  {   \r\n\t\tcall( a );\r\n\t\tmore();\r\n\t}\r\n");
  });
});

describe("several blocks", () => {
  const file = "one();\ntwo();\nthree();\nfour();\nfive();\n";

  it("places every block against the original text, whatever their order", () => {
    const blocks = [makeBlock("a.ts", "four();", "FOUR();", 1), makeBlock("a.ts", "one();\ntwo();", "ONE();", 2)];
    const result = applyEdits({ "a.ts": file }, blocks);
    expect(changed(result)).toBe("ONE();\nthree();\nFOUR();\nfive();\n");
    expect(result).toMatchObject({ matches: [{ block: 1, firstLine: 4, lastLine: 4 }, { block: 2, firstLine: 1, lastLine: 2 }] });
  });

  it("lets a block edit what an earlier block wrote (then the blocks apply one after another)", () => {
    const blocks = [makeBlock("a.ts", "one();", "one();\nsix();", 1), makeBlock("a.ts", "six();", "SIX();", 2)];
    expect(changed(applyEdits({ "a.ts": file }, blocks))).toBe("one();\nSIX();\ntwo();\nthree();\nfour();\nfive();\n");
  });

  it("does not see text a later block inserts", () => {
    const blocks = [makeBlock("a.ts", "six();", "SIX();", 1), makeBlock("a.ts", "one();", "one();\nsix();", 2)];
    expect(applyEdits({ "a.ts": file }, blocks)).toMatchObject({ kind: "failed", errors: [{ block: 1, failure: { kind: "not-found" } }] });
  });

  it("refuses overlapping blocks and names both", () => {
    const blocks = [makeBlock("a.ts", "two();\nthree();", "2", 1), makeBlock("a.ts", "three();\nfour();", "3", 2)];
    expect(applyEdits({ "a.ts": file }, blocks)).toMatchObject({
      kind: "failed",
      errors: [{ block: 2, failure: { kind: "overlap", other: 1, span: { first: 3, last: 4 }, otherSpan: { first: 2, last: 3 } } }],
    });
  });

  it("applies adjacent blocks", () => {
    const blocks = [makeBlock("a.ts", "two();", "2();", 1), makeBlock("a.ts", "three();", "3();", 2)];
    expect(changed(applyEdits({ "a.ts": file }, blocks))).toBe("one();\n2();\n3();\nfour();\nfive();\n");
  });

  it("edits several files together, and changes nothing if one block fails", () => {
    const files = { "a.ts": file, "b.ts": "b();\n" };
    const ok = applyEdits(files, [makeBlock("a.ts", "one();", "1();", 1), makeBlock("b.ts", "b();", "B();", 2)]);
    expect(ok).toMatchObject({ kind: "applied", changes: { "a.ts": file.replace("one", "1"), "b.ts": "B();\n" } });
    const bad = applyEdits(files, [makeBlock("a.ts", "one();", "1();", 1), makeBlock("b.ts", "nope();", "B();", 2)]);
    expect(bad).toMatchObject({ kind: "failed" });
    expect(bad).not.toHaveProperty("changes");
  });

  it("treats ./a.ts and a.ts as one file", () => {
    const blocks = [makeBlock("./a.ts", "one();", "1();", 1), makeBlock("a.ts", "two();", "2();", 2)];
    expect(changed(applyEdits({ "a.ts": file }, blocks))).toBe("1();\n2();\nthree();\nfour();\nfive();\n");
  });
});

describe("creating files and deleting code", () => {
  it("creates a missing file from an empty SEARCH, ending with a newline", () => {
    const result = applyEdits({}, [makeBlock("src/new.ts", "", "export const x = 1;")]);
    expect(result).toMatchObject({ kind: "applied", changes: { "src/new.ts": "export const x = 1;\n" }, matches: [{ strategy: "create" }] });
  });

  it("lets later blocks edit a file an earlier block creates", () => {
    const blocks = [makeBlock("n.ts", "", "a();\nb();", 1), makeBlock("n.ts", "b();", "c();", 2)];
    expect(changed(applyEdits({}, blocks), "n.ts")).toBe("a();\nc();\n");
  });

  it("fills an existing empty file from an empty SEARCH", () => {
    expect(changed(applyEdits({ "a.ts": "" }, [makeBlock("a.ts", "", "x();")]))).toBe("x();\n");
  });

  it("refuses an empty SEARCH on an existing file", () => {
    expect(applyEdits({ "a.ts": "x();\n" }, [makeBlock("a.ts", "", "y();")])).toMatchObject({
      errors: [{ failure: { kind: "file-exists" } }],
    });
  });

  it("deletes the matched lines for an empty REPLACE", () => {
    expect(changed(applyEdits({ "a.ts": "a();\nb();\nc();\n" }, [makeBlock("a.ts", "b();", "")]))).toBe("a();\nc();\n");
  });

  it("refuses a non-empty SEARCH on a missing file and suggests the likely path", () => {
    const result = applyEdits({ "src/util.ts": "x\n" }, [makeBlock("util.ts", "x", "y")]);
    expect(result).toMatchObject({ errors: [{ failure: { kind: "file-missing", suggestion: "src/util.ts" } }] });
  });

  it("reports no change for a block whose REPLACE equals SEARCH", () => {
    expect(applyEdits({ "a.ts": "a\n" }, [makeBlock("a.ts", "a", "a")])).toMatchObject({ kind: "applied", changes: {} });
  });

  it("does not take inherited object keys for files", () => {
    expect(applyEdits({}, [makeBlock("constructor", "x", "y")])).toMatchObject({ errors: [{ failure: { kind: "file-missing" } }] });
    expect(applyEdits({}, [makeBlock("__proto__", "", "y")])).toMatchObject({ kind: "applied", changes: { ["__proto__"]: "y\n" } });
  });
});

describe("placeholders and elision", () => {
  const file = "function f() {\n  a();\n  b();\n  c();\n}\n";

  it.each(["  // ... rest of code", "  # existing code", "  // ... existing code ...", "  /* ... */", "  // rest of the function unchanged", "  ..."])(
    "refuses REPLACE with the placeholder %s where SEARCH had code",
    (placeholder) => {
      const result = applyEdits({ "a.ts": file }, [makeBlock("a.ts", "function f() {\n  a();\n  b();\n  c();\n}", `function f() {\n  z();\n${placeholder}\n}`)]);
      expect(result).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "placeholder", line: 3 } }] });
    },
  );

  it("refuses a new file made of placeholders", () => {
    expect(applyEdits({}, [makeBlock("n.ts", "", "// ... existing code ...")])).toMatchObject({ errors: [{ failure: { kind: "placeholder" } }] });
  });

  it("accepts ordinary comments in REPLACE", () => {
    const result = applyEdits({ "a.ts": file }, [makeBlock("a.ts", "  b();", "  // b is called after a, see the docs\n  b();")]);
    expect(result.kind).toBe("applied");
  });

  it("refuses `...` in SEARCH without one in REPLACE", () => {
    const result = applyEdits({ "a.ts": file }, [makeBlock("a.ts", "function f() {\n  ...\n}", "function g() {\n}")]);
    expect(result).toMatchObject({ errors: [{ failure: { kind: "elision-mismatch", searchCount: 1, replaceCount: 0 } }] });
  });

  it("matches a literal `...` line in the file exactly before treating it as an elision", () => {
    const py = "def f():\n    ...\n";
    expect(changed(applyEdits({ "a.py": py }, [makeBlock("a.py", "def f():\n    ...", "def f():\n    ...")]), "a.py")).toBeUndefined();
    const result = applyEdits({ "a.py": py }, [makeBlock("a.py", "def f():\n    ...", "def f():\n    return 1")]);
    expect(changed(result, "a.py")).toBe("def f():\n    return 1\n");
  });
});

describe("paths", () => {
  it.each(["../x.ts", "/etc/passwd", "a/../../b.ts", ".git/config", "src/.GIT/hooks/pre-commit", "node_modules/.bin/tsc", "a\u0000b.ts", "C:/x.ts", "~/x.ts"])(
    "refuses %s",
    (path) => {
      expect(applyEdits({}, [makeBlock(path, "", "x")])).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "path-refused" } }] });
    },
  );
});

describe("the exact-and-unique baseline", () => {
  it("applies only byte-exact, unique SEARCH text", () => {
    const file = "  a();\n  b();\n";
    expect(applyEditsExactUnique({ "a.ts": file }, [makeBlock("a.ts", "  a();", "  z();")]).kind).toBe("applied");
    expect(applyEditsExactUnique({ "a.ts": file }, [makeBlock("a.ts", "a();", "z();")]).kind).toBe("failed");
  });
});

describe("applyEditText", () => {
  it("fails the whole reply when one block is malformed, since the reply may be cut off", () => {
    const text = `${blockText("a.ts", "a", "b")}a.ts\n<<<<<<< SEARCH\nb\n`;
    const result = applyEditText({ "a.ts": "a\nb\n" }, text);
    expect(result).toMatchObject({ kind: "failed", errors: [{ block: 2, failure: { kind: "malformed" } }] });
  });
});
