import { describe, expect, it } from "vitest";
import { countSites, findSitesInTree } from "./find-sites-in-tree.ts";
import { parseRulesYaml, ruleFromPattern } from "./load-rules.ts";

describe("findSitesInTree", () => {
  it("reports sites with 1-based ranges, text and captures, single and multi", () => {
    const files = { "src/a.ts": "const x = 1;\n  console.log('é', x,\n    y);\n" };
    const [site, ...rest] = findSitesInTree([ruleFromPattern("console.log($FIRST, $$$REST)")], files, "repo");
    expect(rest).toEqual([]);
    expect(site).toMatchObject({
      ruleId: "console.log($FIRST, $$$REST)",
      repository: "repo",
      file: "src/a.ts",
      text: "console.log('é', x,\n    y)",
      range: { start: { line: 2, column: 3, offset: 15 }, end: { line: 3, column: 7, offset: 41 } },
    });
    expect(site!.captures.single.FIRST).toMatchObject({ text: "'é'", range: { start: { line: 2, column: 15 } } });
    expect(site!.captures.multi.REST!.map((node) => node.text)).toEqual(["x", "y"]);
  });

  it("picks the grammar by extension: .ts .mts .cts → TypeScript, .tsx → Tsx, .js .mjs .cjs .jsx → JavaScript", () => {
    const files = {
      "a.ts": "let a: number = f(1);",
      "b.mts": "f(2);",
      "c.cts": "f(3);",
      "d.tsx": "const e = <Box onClick={() => f(4)} />;",
      "e.js": "f(5);",
      "f.mjs": "f(6);",
      "g.cjs": "f(7);",
      "h.jsx": "const e = <Box v={f(8)} />;",
      "i.json": '{"f": "f(9)"}',
      "j.d.ts": "declare function f(x: number): void;",
    };
    const sites = findSitesInTree([ruleFromPattern("f($N)")], files);
    expect(sites.map((site) => site.captures.single.N!.text)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
  });

  it("limits a rule to its language's files when it names one", () => {
    const files = { "a.ts": "f(1);", "b.mts": "f(2);", "c.tsx": "f(3);", "d.js": "f(4);" };
    expect(findSitesInTree([ruleFromPattern("f($N)", { language: "ts" })], files).map((site) => site.file)).toEqual(["a.ts", "b.mts"]);
    expect(findSitesInTree([ruleFromPattern("f($N)", { language: "JavaScript" })], files).map((site) => site.file)).toEqual(["d.js"]);
    expect(findSitesInTree([ruleFromPattern("f($N)", { language: "tsx" })], files).map((site) => site.file)).toEqual(["c.tsx"]);
  });

  it("runs a TypeScript-only pattern on TypeScript files only when no language is named", () => {
    const files = { "a.ts": "const n: number = 1;", "b.js": "const n = 1;" };
    expect(findSitesInTree([ruleFromPattern("const $A: number = $B")], files).map((site) => site.file)).toEqual(["a.ts"]);
  });

  it("reports nested matches, outer first", () => {
    const sites = findSitesInTree([ruleFromPattern("foo($A)")], { "a.js": "foo(foo(1));" });
    expect(sites.map((site) => site.text)).toEqual(["foo(foo(1))", "foo(1)"]);
  });

  it("runs YAML rules: relations, composition, constraints, utils", () => {
    const rules = parseRulesYaml(
      `id: console-in-function
language: TypeScript
rule:
  pattern: console.$METHOD($$$ARGS)
  inside:
    kind: function_declaration
    stopBy: end
  not:
    has:
      pattern: secret
      stopBy: end
constraints:
  METHOD:
    regex: ^(log|warn)$
---
id: awaited-fetch
rule:
  any:
    - pattern: await fetch($URL)
    - matches: axios-get
utils:
  axios-get:
    pattern: await axios.get($URL)
`,
      "rules.yml",
    );
    const files = {
      "a.ts": [
        "console.log('top');",
        "function f() {",
        "  console.log('in');",
        "  console.warn('w');",
        "  console.error('e');",
        "  console.log(secret);",
        "}",
        "async function g() { await fetch(u); await axios.get(v); await other(w); }",
      ].join("\n"),
    };
    const sites = findSitesInTree(rules, files);
    expect(sites.filter((site) => site.ruleId === "console-in-function").map((site) => site.text)).toEqual(["console.log('in')", "console.warn('w')"]);
    expect(sites.filter((site) => site.ruleId === "awaited-fetch").map((site) => site.captures.single.URL?.text)).toEqual(["u", "v"]);
  });

  it("counts the sites left", () => {
    const files = { "a.ts": "console.log(1); console.log(2);", "b.js": "console.log(3);", "c.ts": "logger.info(1);" };
    expect(countSites([ruleFromPattern("console.log($$$A)")], files)).toBe(3);
    expect(countSites([ruleFromPattern("console.log($$$A)"), ruleFromPattern("logger.info($A)")], files)).toBe(4);
  });

  it("leaves out the files a rule's files and ignores globs exclude", () => {
    const files = { "src/a.ts": "console.log(1);\n", "src/a.test.ts": "console.log(2);\n", "scripts/b.ts": "console.log(3);\n" };
    const rule = { id: "scoped", rule: { pattern: "console.log($$$A)" }, files: ["src/**"], ignores: ["**/*.test.ts"] };
    expect(findSitesInTree([rule], files).map((site) => site.file)).toEqual(["src/a.ts"]);
    expect(countSites([{ ...rule, files: undefined }], files)).toBe(2);
  });
});
