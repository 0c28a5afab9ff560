import { describe, expect, it } from "vitest";
import { parseEditBlocks } from "./parse-edit-blocks.ts";

const block = (path: string, search: string, replace: string): string =>
  `${path}\n<<<<<<< SEARCH\n${search}\n=======\n${replace}\n>>>>>>> REPLACE\n`;

describe("parseEditBlocks", () => {
  it("reads the plain format", () => {
    const { blocks, errors } = parseEditBlocks(block("src/a.ts", "const a = 1;", "const a = 2;"));
    expect(errors).toEqual([]);
    expect(blocks).toEqual([{ index: 1, path: "src/a.ts", search: ["const a = 1;"], replace: ["const a = 2;"], line: 2 }]);
  });

  it("ignores prose and markdown fences around blocks", () => {
    const text = [
      "I will rename the constant.",
      "",
      "src/a.ts",
      "```typescript",
      "<<<<<<< SEARCH",
      "const a = 1;",
      "=======",
      "const b = 1;",
      ">>>>>>> REPLACE",
      "```",
      "",
      "That is all.",
    ].join("\n");
    const { blocks, errors } = parseEditBlocks(text);
    expect(errors).toEqual([]);
    expect(blocks.map((b) => [b.path, b.search, b.replace])).toEqual([["src/a.ts", ["const a = 1;"], ["const b = 1;"]]]);
  });

  it.each([
    ["`src/a.ts`", "src/a.ts"],
    ["**src/a.ts**", "src/a.ts"],
    ["### src/a.ts", "src/a.ts"],
    ["# `src/a.ts`", "src/a.ts"],
    ["File: src/a.ts", "src/a.ts"],
    ["**File:** `src/a.ts`", "src/a.ts"],
    ["src/a.ts:", "src/a.ts"],
    ["- `src/a.ts`", "src/a.ts"],
    ["src/new.ts (new file)", "src/new.ts"],
    ["Makefile", "Makefile"],
  ])("reads the decorated path line %s", (line, path) => {
    expect(parseEditBlocks(block(line, "x", "y")).blocks[0]?.path).toBe(path);
  });

  it("reads a path from the fence's info string", () => {
    const text = "```ts src/a.ts\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n```\n";
    expect(parseEditBlocks(text).blocks[0]?.path).toBe("src/a.ts");
  });

  it("uses a path given once for the blocks after it", () => {
    const text = `src/a.ts\n${block("", "a", "b")}\nand then\n\n${block("", "c", "d")}`;
    const { blocks, errors } = parseEditBlocks(text);
    expect(errors).toEqual([]);
    expect(blocks.map((b) => b.path)).toEqual(["src/a.ts", "src/a.ts"]);
    expect(blocks.map((b) => b.index)).toEqual([1, 2]);
  });

  it("keeps empty SEARCH and empty REPLACE as no lines", () => {
    const text = "src/new.ts\n<<<<<<< SEARCH\n=======\nexport {};\n>>>>>>> REPLACE\nsrc/a.ts\n<<<<<<< SEARCH\ngone();\n=======\n>>>>>>> REPLACE\n";
    const { blocks } = parseEditBlocks(text);
    expect(blocks.map((b) => [b.search, b.replace])).toEqual([
      [[], ["export {};"]],
      [["gone();"], []],
    ]);
  });

  it("keeps the lines' own whitespace and blank lines", () => {
    const { blocks } = parseEditBlocks(block("a.ts", "\tif (x) {\n\n  y();  ", "  z();"));
    expect(blocks[0]?.search).toEqual(["\tif (x) {", "", "  y();  "]);
  });

  it("accepts CRLF replies and marker lengths from 5 to 9", () => {
    const text = "a.ts\r\n<<<<< SEARCH\r\nx\r\n=========\r\ny\r\n>>>>>>>>> replace\r\n";
    expect(parseEditBlocks(text).blocks).toMatchObject([{ path: "a.ts", search: ["x"], replace: ["y"] }]);
  });

  it("reports a truncated block and which markers are missing", () => {
    const { blocks, errors } = parseEditBlocks(`${block("a.ts", "x", "y")}a.ts\n<<<<<<< SEARCH\nx\n=======\ny\n`);
    expect(blocks).toHaveLength(1);
    expect(errors).toEqual([{ block: 2, line: 8, message: expect.stringContaining("text ends before >>>>>>> REPLACE") }]);
    const cut = parseEditBlocks("a.ts\n<<<<<<< SEARCH\nx\n");
    expect(cut.errors[0]?.message).toContain("before ======= and >>>>>>> REPLACE");
  });

  it("reports a block cut short by the next one, and still reads the next one", () => {
    const text = `a.ts\n<<<<<<< SEARCH\nx\n=======\ny\n${block("b.ts", "p", "q")}`;
    const { blocks, errors } = parseEditBlocks(text);
    expect(errors).toEqual([{ block: 1, line: 7, message: expect.stringContaining("missing >>>>>>> REPLACE before the next") }]);
    expect(blocks).toMatchObject([{ index: 2, path: "b.ts", search: ["p"] }]);
  });

  it("reports a second divider, REPLACE before the divider, and stray markers", () => {
    expect(parseEditBlocks("a.ts\n<<<<<<< SEARCH\nx\n=======\ny\n=======\nz\n>>>>>>> REPLACE\n").errors).toEqual([
      { block: 1, line: 6, message: expect.stringContaining("a second =======") },
    ]);
    expect(parseEditBlocks("a.ts\n<<<<<<< SEARCH\nx\n>>>>>>> REPLACE\n").errors).toEqual([
      { block: 1, line: 4, message: expect.stringContaining(">>>>>>> REPLACE came before =======") },
    ]);
    expect(parseEditBlocks("prose\n>>>>>>> REPLACE\n").errors).toEqual([
      { block: undefined, line: 2, message: ">>>>>>> REPLACE without a <<<<<<< SEARCH before it" },
    ]);
  });

  it("reports a block with no path rather than guessing one", () => {
    const { blocks, errors } = parseEditBlocks("Here is the fix:\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n");
    expect(blocks).toEqual([]);
    expect(errors[0]).toMatchObject({ block: 1, line: 2, message: expect.stringContaining("no file path") });
  });

  it("does not take prose or code for a path", () => {
    const { errors } = parseEditBlocks("Update the function below.\n<<<<<<< SEARCH\nx\n=======\ny\n>>>>>>> REPLACE\n");
    expect(errors).toHaveLength(1);
  });
});
