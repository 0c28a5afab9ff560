import { describe, expect, it } from "vitest";
import { applyEdits } from "./apply-edits.ts";
import type { ApplyResult } from "./apply-result.ts";
import { makeBlock } from "./testing-helpers.ts";

/** Applies one block to a.ts and returns the new content and the strategy that placed it. */
function apply1(file: string, search: string, replace: string): { content: string | null | undefined; strategy?: string; result: ApplyResult } {
  const result = applyEdits({ "a.ts": file }, [makeBlock("a.ts", search, replace, 1)]);
  if (result.kind === "failed") return { content: undefined, result };
  return { content: result.changes["a.ts"] ?? file, strategy: result.matches[0]?.strategy, result };
}

const fn = ["function total(items: Item[]) {", "  let sum = 0;", "  for (const item of items) {", "    sum += item.price;", "  }", "  return sum;", "}", ""].join("\n");

describe("strategies, strictest first", () => {
  it("exact-text: SEARCH occurs byte for byte", () => {
    const out = apply1(fn, "    sum += item.price;", "    sum += item.price * item.quantity;");
    expect(out.strategy).toBe("exact-text");
    expect(out.content).toBe(fn.replace("item.price;", "item.price * item.quantity;"));
  });

  it("exact-lines: the same lines in a CRLF file; new lines get CRLF too", () => {
    const crlf = fn.replace(/\n/g, "\r\n");
    const out = apply1(crlf, "  let sum = 0;\n  for (const item of items) {", "  let sum = 0;\n  // add up\n  for (const item of items) {");
    expect(out.strategy).toBe("exact-lines");
    expect(out.content).toBe(crlf.replace("  let sum = 0;\r\n", "  let sum = 0;\r\n  // add up\r\n"));
  });

  it("trailing-whitespace: the model added or dropped spaces at line ends; kept lines stay as the file has them", () => {
    const file = fn.replace("  let sum = 0;", "  let sum = 0;   ");
    const out = apply1(file, "  let sum = 0;\n  for (const item of items) {  ", "  let sum = 0;\n  for (const item of items.filter(Boolean)) {");
    expect(out.strategy).toBe("trailing-whitespace");
    expect(out.content).toBe(file.replace("of items) {", "of items.filter(Boolean)) {"));
  });

  it("indentation: every line shifted by the same amount; new lines are shifted back", () => {
    const search = "for (const item of items) {\n  sum += item.price;\n}";
    const replace = "for (const item of items) {\n  if (item.free) continue;\n  sum += item.price;\n}";
    const out = apply1(fn, search, replace);
    expect(out.strategy).toBe("indentation");
    expect(out.content).toBe(fn.replace("  for (const item of items) {\n", "  for (const item of items) {\n    if (item.free) continue;\n"));
  });

  it("indentation: refuses a block whose lines shift by different amounts", () => {
    const search = "for (const item of items) {\n      sum += item.price;\n}";
    const out = apply1(fn, search, search.replace("price", "cost"));
    expect(out.strategy).not.toBe("indentation");
  });

  it("indentation: spaces in SEARCH for a tab-indented file; new lines get tabs", () => {
    const tabs = fn.replace(/^((?: {2})+)/gm, (m) => "\t".repeat(m.length / 2));
    const search = "    for (const item of items) {\n        sum += item.price;\n    }";
    const replace = "    for (const item of items) {\n        sum += item.price;\n        count++;\n    }";
    const out = apply1(tabs, search, replace);
    expect(out.strategy).toBe("indentation");
    expect(out.content).toBe(tabs.replace("\t\tsum += item.price;\n", "\t\tsum += item.price;\n\t\tcount++;\n"));
  });

  it("normalized-whitespace: inner whitespace and curly quotes; new lines get the file's ASCII quotes", () => {
    const file = 'const label = "total: " + sum;\nlog(label,  "done");\n';
    const out = apply1(file, "const label = “total: ” + sum;\nlog(label, “done”);", "const label = “total: ” + sum;\nlog(label, “finished”);");
    expect(out.strategy).toBe("normalized-whitespace");
    expect(out.content).toBe('const label = "total: " + sum;\nlog(label, "finished");\n');
  });

  it("normalized-whitespace: en dashes and non-breaking spaces count as their ASCII forms", () => {
    const file = "const gap = a - b;\nconst name = 'x y';\n";
    const out = apply1(file, "const gap = a \u2013 b;\nconst name = 'x\u00a0y';", "const gap = a \u2013 b;\nconst name = 'x z';");
    expect(out.strategy).toBe("normalized-whitespace");
    expect(out.content).toBe("const gap = a - b;\nconst name = 'x z';\n");
  });

  it("blank-lines: the model dropped a blank line; the file keeps it", () => {
    const file = "import a from 'a';\n\nconst x = a();\n\nexport default x;\n";
    const out = apply1(file, "import a from 'a';\nconst x = a();\nexport default x;", "import a from 'a';\nconst x = a(1);\nexport default x;");
    expect(out.strategy).toBe("blank-lines");
    expect(out.content).toBe("import a from 'a';\n\nconst x = a(1);\n\nexport default x;\n");
  });

  it("blank-lines: the model added a blank line; the file does not get it", () => {
    const file = "const x = 1;\nconst y = 2;\nconst z = 3;\n";
    const out = apply1(file, "const x = 1;\n\nconst y = 2;\nconst z = 3;", "const x = 1;\n\nconst y = 20;\nconst z = 3;");
    expect(out.strategy).toBe("blank-lines");
    expect(out.content).toBe("const x = 1;\nconst y = 20;\nconst z = 3;\n");
  });

  it("blank-lines: a blank line inside removed code is removed with it", () => {
    const file = "a();\nb();\n\nc();\nd();\n";
    const out = apply1(file, "a();\nb();\nc();\nd();", "a();\nd();");
    expect(out.strategy).toBe("blank-lines");
    expect(out.content).toBe("a();\nd();\n");
  });

  it("elision: `...` pieces found in order; the elided code is copied from the file", () => {
    const search = "function total(items: Item[]) {\n  // ...\n  return sum;\n}";
    const replace = "function total(items: Item[]): number {\n  // ...\n  return sum;\n}";
    const out = apply1(fn, search, replace);
    expect(out.strategy).toBe("elision");
    expect(out.content).toBe(fn.replace("items: Item[]) {", "items: Item[]): number {"));
  });

  it("elision: changes on both sides of the `...` are applied", () => {
    const search = "  let sum = 0;\n...\n  return sum;";
    const replace = "  let sum = 0n;\n...\n  return Number(sum);";
    const out = apply1(fn, search, replace);
    expect(out.strategy).toBe("elision");
    expect(out.content).toBe(fn.replace("sum = 0;", "sum = 0n;").replace("return sum;", "return Number(sum);"));
  });

  it("elision: the pieces must chain in exactly one way", () => {
    const file = "a();\nx();\nb();\na();\ny();\nb();\n";
    const out = apply1(file, "a();\n...\nb();", "a();\n...\nc();");
    expect(out.result).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "ambiguous", strategy: "elision", count: 3 } }] });
  });

  it("fuzzy: one mistyped context line is matched, and the file's real line is kept", () => {
    const search = "  let sum = 0;\n  for (const itme of items) {\n    sum += item.price;\n  }";
    const replace = "  let sum = 0;\n  for (const itme of items) {\n    sum += item.price ?? 0;\n  }";
    const out = apply1(fn, search, replace);
    expect(out.strategy).toBe("fuzzy");
    expect(out.content).toBe(fn.replace("sum += item.price;", "sum += item.price ?? 0;"));
  });

  it("fuzzy: refuses when the differing line is one the block changes (stale file)", () => {
    const search = "  let sum = 0;\n  for (const item of items) {\n    sum += item.cost;\n  }";
    const replace = "  let sum = 0;\n  for (const item of items) {\n    sum += item.cost * 2;\n  }";
    const out = apply1(fn, search, replace);
    expect(out.result).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "stale", changedLines: [4] } }] });
  });

  it("stale context: a first context line the file has changed since is kept as the file has it; the change applies", () => {
    const search = "  let sum = 1;\n  for (const item of items) {\n    sum += item.price;\n  }";
    const out = apply1(fn, search, search.replace("price", "cost"));
    expect(out.strategy).toBe("stale-context");
    expect(out.content).toBe(fn.replace("item.price", "item.cost"));
  });

  it("fuzzy: two mistyped context lines in a short block apply when the place is clear and the changed line is intact", () => {
    const search = "  let sum = 0;\n  for (const itme of items) {\n    sum += itme.price;\n  }\n  return sum;";
    const out = apply1(fn, search, search.replace("return sum;", "return sum + 1;"));
    expect(out.strategy).toBe("fuzzy");
    expect(out.content).toBe(fn.replace("return sum;", "return sum + 1;"));
  });
});

describe("the ambiguity rule", () => {
  const twice = "if (a) {\n  run();\n}\nif (b) {\n    run();\n}\n";

  it("a strict strategy that finds several places stops the search, even if a looser one would narrow it", () => {
    const file = "x();\n  y();\nx();\n  y();\n";
    const out = apply1(file, "x();\n  y();", "x();\n  z();");
    expect(out.result).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "ambiguous", strategy: "exact-text", count: 2 } }] });
  });

  it("counts overlapping places", () => {
    const out = apply1("a\na\na\n", "a\na", "b");
    expect(out.result).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "ambiguous", count: 2, places: [{ first: 1, last: 2 }, { first: 2, last: 3 }] } }] });
  });

  it("a looser strategy is reached only when every stricter one found nothing", () => {
    // Exactly one place at the exact indentation: chosen, though ignoring indentation would find two.
    const out = apply1(twice, "  run();", "  stop();");
    expect(out.strategy).toBe("exact-text");
    expect(out.content).toBe(twice.replace("  run();\n}\nif (b)", "  stop();\n}\nif (b)"));
    // At neither indentation: ignoring indentation finds two, so nothing is chosen.
    const loose = apply1(twice, "      run();", "      stop();");
    expect(loose.result).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "ambiguous", strategy: "indentation", count: 2 } }] });
  });
});

describe("re-indenting new lines", () => {
  const four = "class A {\n    run() {\n        step();\n    }\n}\n";

  it("scales the model's indentation when it re-indented at another width (2 spaces for a 4-space file)", () => {
    const search = "  run() {\n    step();\n  }";
    const replace = "  run() {\n    step();\n    if (done) {\n      stop();\n    }\n  }";
    const out = apply1(four, search, replace);
    expect(out.strategy).toBe("normalized-whitespace");
    expect(out.content).toBe("class A {\n    run() {\n        step();\n        if (done) {\n            stop();\n        }\n    }\n}\n");
  });

  it("refuses when a shift and a scale both fit and would indent a new line differently", () => {
    // One matched line only: "moved by 2" and "twice as wide" both explain it, and disagree on the nested line.
    const out = apply1(four, "  step();", "  step();\n  if (done) {\n    stop();\n  }");
    expect(out.result).toMatchObject({ kind: "failed", errors: [{ failure: { kind: "unclear-indentation" } }] });
  });

  it("fixes only the style when no matched line is indented", () => {
    const tabs = "function f() {\n\treturn 1;\n}\n";
    const out = apply1(tabs, "function f() {", "function f() {\n    log();");
    expect(out.content).toBe("function f() {\n\tlog();\n\treturn 1;\n}\n");
  });
});

describe("fuzzy margin", () => {
  const twins = [
    "function a() {",
    "  const value = load('a');",
    "  return value;",
    "}",
    "function b() {",
    "  const value = load('b');",
    "  return value;",
    "}",
    "",
  ].join("\n");

  it("refuses when another window is nearly as close", () => {
    const search = "{\n  const value = load('c');\n  return value;\n}";
    const out = apply1(twins.replace(/function (\w)\(\) \{/g, "{"), search, search.replace("return value;", "return value + 1;"));
    expect(out.result.kind).toBe("failed");
  });

  it("accepts a typo when the best window wins by a clear margin", () => {
    const search = "function b() {\n  const valeu = load('b');\n  return value;\n}";
    const out = apply1(twins, search, "function b() {\n  const valeu = load('b');\n  return value * 2;\n}");
    expect(out.strategy).toBe("fuzzy");
    const lastReturn = twins.lastIndexOf("  return value;");
    expect(out.content).toBe(`${twins.slice(0, lastReturn)}  return value * 2;${twins.slice(lastReturn + "  return value;".length)}`);
  });
});
