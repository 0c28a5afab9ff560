import { describe, expect, it } from "vitest";
import { ForkliftError } from "../../shared/errors.ts";
import { countSites } from "./find-sites-in-tree.ts";
import { parseRulesYaml, ruleFromPattern } from "./load-rules.ts";
import { rewrite } from "./rewrite.ts";

const consoleRule = ruleFromPattern("console.log($$$ARGS)", { id: "console", fixes: ["logger.info($$$ARGS)", "log.info($$$ARGS)"] });

describe("rewrite", () => {
  it("makes one hypothesis per alternative fix, each applied to every site", () => {
    const files = { "a.ts": "console.log(1, 2);\nconsole.log();\n", "b.js": "if (x) console.log(y);\n", "c.ts": "nothing();\n" };
    const [first, second, ...rest] = rewrite(consoleRule, files);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      fixId: "console#1",
      template: "logger.info($$$ARGS)",
      changes: { "a.ts": "logger.info(1, 2);\nlogger.info();\n", "b.js": "if (x) logger.info(y);\n" },
      absorbed: [],
      syntaxErrors: [],
    });
    expect(first!.sites.map((site) => `${site.file}:${site.range.start.line}`)).toEqual(["a.ts:1", "a.ts:2", "b.js:1"]);
    expect(second!.changes).toEqual({ "a.ts": "log.info(1, 2);\nlog.info();\n", "b.js": "if (x) log.info(y);\n" });
    expect(countSites([consoleRule], { ...files, ...first!.changes })).toBe(0);
  });

  it("applies to the first N sites only, by file then position", () => {
    const files = { "b.ts": "console.log(3);\n", "a.ts": "console.log(1);\nconsole.log(2);\n" };
    const [hypothesis] = rewrite(consoleRule, files, { limit: 2 });
    expect(hypothesis!.changes).toEqual({ "a.ts": "logger.info(1);\nlogger.info(2);\n" });
    expect(countSites([consoleRule], { ...files, ...hypothesis!.changes })).toBe(1);
  });

  it("composes nested matches inside metavariables", () => {
    const rule = ruleFromPattern("foo($A)", { fixes: ["bar($A)"] });
    expect(rewrite(rule, { "a.js": "foo(foo(foo(1)));" })[0]!.changes).toEqual({ "a.js": "bar(bar(bar(1)));" });
    const chain = ruleFromPattern("$X.foo()", { fixes: ["$X.bar()"] });
    expect(rewrite(chain, { "a.js": "a.foo().foo().foo();" })[0]!.changes).toEqual({ "a.js": "a.bar().bar().bar();" });
    const args = ruleFromPattern("console.log($$$ARGS)", { fixes: ["logger.info($$$ARGS)"] });
    expect(rewrite(args, { "a.ts": "console.log(a, console.log(b), c);" })[0]!.changes).toEqual({ "a.ts": "logger.info(a, logger.info(b), c);" });
  });

  it("reports nested sites a fix drops as absorbed", () => {
    const rule = ruleFromPattern("wrap($A, $B)", { fixes: ["$A"] });
    const [hypothesis] = rewrite(rule, { "a.js": "wrap(1, wrap(2, 3));" });
    expect(hypothesis!.changes).toEqual({ "a.js": "1;" });
    expect(hypothesis!.sites.map((site) => site.text)).toEqual(["wrap(1, wrap(2, 3))"]);
    expect(hypothesis!.absorbed.map((site) => site.text)).toEqual(["wrap(2, 3)"]);
  });

  it("keeps indentation: the site's, the template's, and the captured code's own", () => {
    const rule = parseRulesYaml(
      `id: wrap-if
language: ts
rule:
  pattern: if ($COND) { $$$BODY }
fix: |
  if ($COND) {
    try {
      $$$BODY
    } finally {
      done();
    }
  }
`,
      "r.yml",
    )[0]!;
    const source = ["function f() {", "  if (ready) {", "    step(1);", "    call({", "      a: 1,", "    });", "  }", "}", ""].join("\n");
    const expected = [
      "function f() {",
      "  if (ready) {",
      "    try {",
      "      step(1);",
      "      call({",
      "        a: 1,",
      "      });",
      "    } finally {",
      "      done();",
      "    }",
      "  }",
      "}",
      "",
    ].join("\n");
    expect(rewrite(rule, { "a.ts": source })[0]!.changes).toEqual({ "a.ts": expected });
  });

  it("keeps captured code byte for byte: multi-line arguments stay on their lines, template strings untouched", () => {
    const rule = parseRulesYaml("id: r\nlanguage: ts\nrule: { pattern: console.log($$$ARGS) }\nfix: logger.info($$$ARGS)\n", "r.yml")[0]!;
    const source = [
      "function f() {",
      "  console.log(",
      '    "totals",',
      "    { count, sum },",
      "  );",
      "  if (x) console.log(`Dear ${name},",
      "    your order shipped.",
      "Thanks`, id);",
      "}",
      "",
    ].join("\n");
    const expected = source.replaceAll("console.log(", "logger.info(");
    expect(rewrite(rule, { "a.ts": source })[0]!.changes).toEqual({ "a.ts": expected });
  });

  it("never re-indents a multi-line template string a wrapper moves; other captured code follows the wrapper", () => {
    const rule = parseRulesYaml("id: r\nlanguage: ts\nrule: { pattern: send($MSG) }\nfix: |\n  retry(() =>\n    send($MSG)\n  )\n", "r.yml")[0]!;
    const source = ["  send(`a", "  b`);", "  send(join(", "    x,", "  ));", ""].join("\n");
    const expected = ["  retry(() =>", "    send(`a", "  b`)", "  );", "  retry(() =>", "    send(join(", "      x,", "    ))", "  );", ""].join("\n");
    expect(rewrite(rule, { "a.ts": source })[0]!.changes).toEqual({ "a.ts": expected });
  });

  it("keeps CRLF line endings in multi-line fixes", () => {
    const rule = ruleFromPattern("console.log($A)", { fixes: ["logger.info(\n  $A\n)"] });
    expect(rewrite(rule, { "a.ts": "x();\r\n  console.log(1);\r\n" })[0]!.changes).toEqual({ "a.ts": "x();\r\n  logger.info(\r\n    1\r\n  );\r\n" });
  });

  it("flags fixes that break the syntax", () => {
    const rule = ruleFromPattern("console.log($A)", { fixes: ["logger.info($A"] });
    expect(rewrite(rule, { "a.ts": "console.log(1);\n" })[0]!.syntaxErrors).toEqual(["a.ts"]);
  });

  it("refuses a rule without fixes", () => {
    expect(() => rewrite(ruleFromPattern("f($A)"), {})).toThrow(ForkliftError);
    expect(() => rewrite(ruleFromPattern("f($A)"), {})).toThrow("rule 'f($A)' has no fix");
  });
});
