import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countSites } from "./find-sites-in-tree.ts";
import { ruleFromPattern } from "./load-rules.ts";
import { rewrite } from "./rewrite.ts";

/** Random nested calls of `f` and `g` with literals, some arguments on their own lines. */
const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("1", "x", "'s'", "a.b"),
    fc
      .tuple(fc.constantFrom("f", "g"), fc.array(tie("expr"), { maxLength: 3 }), fc.boolean())
      .map(([name, args, multiline]) => (multiline && args.length > 0 ? `${name}(\n  ${args.join(",\n  ")}\n)` : `${name}(${args.join(", ")})`)),
  ),
})).expr;

const fileArb = fc
  .array(fc.tuple(expression, fc.boolean()), { minLength: 1, maxLength: 4 })
  .map((statements) => statements.map(([expr, nested]) => (nested ? `function w() {\n  ${expr.split("\n").join("\n  ")};\n}\n` : `${expr};\n`)).join(""));

describe("rewrite (property)", () => {
  // Captured code is kept byte for byte, and a `$$$` list alone in brackets keeps its line breaks:
  // rewriting a call into itself changes nothing at all, however it is laid out.
  const squeeze = (code: string) => code.replace(/\s+/g, "");

  it("an identity fix changes nothing, not even the layout", () => {
    const rule = ruleFromPattern("f($$$ARGS)", { fixes: ["f($$$ARGS)"] });
    fc.assert(
      fc.property(fileArb, (source) => {
        expect(rewrite(rule, { "a.ts": source })[0]!.changes["a.ts"] ?? source).toBe(source);
      }),
      { numRuns: 200 },
    );
  });

  it("renaming the callee rewrites every nested site exactly once, leaving none", () => {
    const rule = ruleFromPattern("f($$$ARGS)", { fixes: ["h($$$ARGS)"] });
    fc.assert(
      fc.property(fileArb, (source) => {
        const [hypothesis] = rewrite(rule, { "a.ts": source });
        const after = hypothesis!.changes["a.ts"] ?? source;
        expect(squeeze(after)).toBe(squeeze(source.replaceAll("f(", "h(")));
        expect(hypothesis!.sites).toHaveLength(source.split("f(").length - 1);
        expect(hypothesis!.absorbed).toEqual([]);
        expect(hypothesis!.syntaxErrors).toEqual([]);
        expect(countSites([rule], { "a.ts": after })).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it("a limit of N rewrites N sites and leaves the rest", () => {
    const rule = ruleFromPattern("f($$$ARGS)", { fixes: ["h($$$ARGS)"] });
    fc.assert(
      fc.property(fileArb, fc.nat(5), (source, limit) => {
        const total = countSites([rule], { "a.ts": source });
        const [hypothesis] = rewrite(rule, { "a.ts": source }, { limit });
        const after = hypothesis!.changes["a.ts"] ?? source;
        expect(hypothesis!.sites).toHaveLength(Math.min(limit, total));
        expect(countSites([rule], { "a.ts": after })).toBe(total - Math.min(limit, total));
      }),
      { numRuns: 200 },
    );
  });
});
