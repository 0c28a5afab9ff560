import { describe, expect, it } from "vitest";
import { applyEditText } from "./apply-edits.ts";
import { blockText } from "./testing-helpers.ts";

/**
 * The messages are what the model reads to repair its edit: each must say which block, what
 * went wrong, show the file's real lines when that helps, and say what to resend.
 */
const cart = [
  "export function total(items: Item[]) {",
  "  let sum = 0;",
  "  for (const item of items) {",
  "    sum += item.price;",
  "  }",
  "  return sum;",
  "}",
  "",
  "export function count(items: Item[]) {",
  "  let sum = 0;",
  "  for (const item of items) {",
  "    sum += 1;",
  "  }",
  "  return sum;",
  "}",
  "",
].join("\n");
const files = { "src/cart.ts": cart };

function message(reply: string): string {
  const result = applyEditText(files, reply);
  if (result.kind === "applied") throw new Error("expected a failure");
  return result.message;
}

describe("failure messages", () => {
  it("not found: shows the closest lines with numbers, marks those that differ, says to copy them", () => {
    const text = message(blockText("src/cart.ts", "export function total(items: Item[]) {\n  let total = 0;", "x"));
    expect(text).toContain("Block 1: SEARCH was not found in src/cart.ts.");
    expect(text).toContain("  1 | export function total(items: Item[]) {");
    expect(text).toContain("> 2 |   let sum = 0;");
    expect(text).toMatch(/Copy SEARCH exactly from the file's current lines .* resend block 1\./);
  });

  it("not found and nothing alike: says so and points at the path", () => {
    expect(message(blockText("src/cart.ts", "zzz qqq\nwww", "x"))).toContain("no line of it resembles the file. Check the path");
  });

  it("ambiguous: gives the number of places and their lines, and asks for distinguishing lines", () => {
    const text = message(blockText("src/cart.ts", "  let sum = 0;\n  for (const item of items) {", "  let sum = 1;\n  for (const item of items) {"));
    expect(text).toContain("Block 1: SEARCH matches 2 places in src/cart.ts, at lines 2-3, 10-11.");
    expect(text).toContain("Add lines above or below it that occur only at the place you mean, and resend block 1.");
  });

  it("ambiguous under a loose strategy: says what was ignored", () => {
    const text = message(blockText("src/cart.ts", "let sum = 0;\nfor (const item of items) {", "x"));
    expect(text).toContain("2 places in src/cart.ts (ignoring indentation)");
  });

  it("stale: names the changed line the file has differently and shows the current lines", () => {
    const search = "  let sum = 0;\n  for (const item of items) {\n    sum += item.cost;\n  }";
    const text = message(blockText("src/cart.ts", search, search.replace("item.cost", "item.cost * 2")));
    expect(text).toContain("lines 2-5 match it except line 4, which this block changes");
    expect(text).toContain("> 4 |     sum += item.price;");
    expect(text).toContain("Rebuild the block from these lines and resend block 1.");
  });

  it("overlap: names both blocks and their lines, and asks to merge them", () => {
    const reply =
      blockText("src/cart.ts", "  for (const item of items) {\n    sum += item.price;", "a") + blockText("src/cart.ts", "    sum += item.price;\n  }\n  return sum;\n}\n\nexport function count(items: Item[]) {", "b");
    const text = message(reply);
    expect(text).toContain("Block 2: its lines 4-9 of src/cart.ts overlap block 1 (lines 3-4).");
    expect(text).toContain("merge the two into one block");
    expect(text).toContain("resend all 2 blocks (none was applied)");
  });

  it("placeholder: quotes the line and explains it would delete code", () => {
    const search = "  for (const item of items) {\n    sum += item.price;\n  }";
    const text = message(blockText("src/cart.ts", search, "  for (const item of items) {\n    // ... rest of the loop\n  }"));
    expect(text).toContain("REPLACE line 2 is a placeholder (`// ... rest of the loop`)");
    expect(text).toContain("would delete the code it stands for");
  });

  it("elision mismatch: counts the `...` lines on each side", () => {
    const text = message(blockText("src/cart.ts", "export function total(items: Item[]) {\n  ...\n}", "export function total(items: Item[]): number {\n}"));
    expect(text).toContain("SEARCH has 1 `...` line but REPLACE has 0");
  });

  it("unclear indentation: says what matched and asks for exact indentation", () => {
    const result = applyEditText({ "a.ts": "class A {\n    run() {\n        step();\n    }\n}\n" }, blockText("a.ts", "  step();", "  step();\n  if (x) {\n    y();\n  }"));
    expect(result.kind === "failed" && result.message).toContain(
      "Block 1: SEARCH matched line 3 of a.ts only with different indentation, and the indentation of REPLACE's new lines cannot be worked out",
    );
  });

  it("missing file: suggests the existing path and how to create a file", () => {
    const text = message(blockText("src/kart.ts", "x", "y"));
    expect(text).toContain("src/kart.ts does not exist. To create it, send the block with an empty SEARCH");
    expect(text).toContain("did you mean src/cart.ts?");
  });

  it("empty SEARCH on an existing file: explains how to insert instead", () => {
    expect(message(blockText("src/cart.ts", "", "x"))).toContain("SEARCH is empty, but src/cart.ts already exists. To add code");
  });

  it("refused paths: says why, with control characters escaped", () => {
    expect(message(blockText("../../etc/passwd", "", "x"))).toContain("path `../../etc/passwd` is refused: it contains `..`");
    expect(message(blockText(".git/hooks/pre-commit", "", "x"))).toContain("edits may not touch `.git`");
    expect(message(blockText("/etc/passwd", "", "x"))).toContain("it is absolute");
    expect(message(blockText("a\u0001b.ts", "", "x"))).toContain("path `a\\x01b.ts` is refused");
  });

  it("malformed: says which block, which line of the reply, and what is missing", () => {
    expect(message("src/cart.ts\n<<<<<<< SEARCH\nfoo\n=======\nbar\n")).toContain(
      "Block 1 is malformed (line 2 of your reply): truncated: the text ends before >>>>>>> REPLACE; resend the block whole.",
    );
  });

  it("several failures: one section per block, a count, and what to resend", () => {
    const reply = blockText("src/cart.ts", "  return sum;\n}", "x") + blockText("src/cart.ts", "    sum += 1;", "    sum += 2;") + blockText("src/none.ts", "a", "b");
    const text = message(reply);
    expect(text.startsWith("Edits not applied: 2 of 3 blocks failed, so no file was changed.")).toBe(true);
    expect(text).toContain("Block 1: SEARCH matches 2 places");
    expect(text).toContain("Block 3: src/none.ts does not exist.");
    expect(text).not.toContain("Block 2");
    expect(text.endsWith("Fix the failing blocks and resend all 3 blocks (none was applied).")).toBe(true);
  });
});
