import { describe, expect, it } from "vitest";
import { ForkliftError } from "../../shared/errors.ts";
import { compileRule } from "./compile-rule.ts";
import { parseRulesYaml, parseTargetRule, ruleFromPattern } from "./load-rules.ts";
import { requiredText } from "./required-text.ts";

/** The one-line message of the ForkliftError that `run` throws. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ForkliftError);
    expect((error as ForkliftError).code).toBe("invalid-input");
    const message = (error as Error).message;
    expect(message).not.toContain("\n");
    return message;
  }
  throw new Error("expected an error");
}

const yamlRule = (body: string) => () => compileRule(parseRulesYaml(body, "r.yml")[0]!);

describe("rule errors: one line naming the rule and the problem", () => {
  it("an invalid pattern", () => {
    expect(errorOf(() => compileRule(ruleFromPattern("console.log((", { language: "ts" })))).toBe(
      `rule 'console.log((': pattern "console.log((" is not valid TypeScript (syntax error at "console.log((")`,
    );
  });

  it("an unknown language", () => {
    expect(errorOf(() => compileRule(ruleFromPattern("x", { language: "python" })))).toBe(
      "rule 'x': unknown language 'python' (use TypeScript (ts), Tsx (tsx) or JavaScript (js, jsx))",
    );
  });

  it("an unknown kind, a bad regex, an undefined utility", () => {
    expect(errorOf(yamlRule("id: k\nlanguage: ts\nrule:\n  kind: no_such_kind\n"))).toMatch(/^rule 'k': .*Kind `no_such_kind` is invalid/);
    expect(errorOf(yamlRule("id: re\nlanguage: ts\nrule:\n  pattern: f($A)\nconstraints:\n  A:\n    regex: '('\n"))).toMatch(
      /^rule 're': `constraints` is not configured correctly.*regex parse error/,
    );
    expect(errorOf(yamlRule("id: u\nlanguage: ts\nrule:\n  matches: nope\n"))).toMatch(/^rule 'u': .*Rule `nope` is not defined/);
  });

  it("an unknown field in the rule or in the file", () => {
    expect(errorOf(yamlRule("id: f\nlanguage: ts\nrule:\n  patern: x\n"))).toMatch(/^rule 'f': .*unknown field `patern`/);
    expect(errorOf(() => parseTargetRule({ id: "t", rule: { pattern: "x" }, transform: {} }, "spec.yml"))).toBe(
      `rule 't' (spec.yml): Unrecognized key: "transform"`,
    );
    expect(errorOf(() => parseTargetRule({ rule: { pattern: "x" } }, "spec.yml#2"))).toMatch(/^rule spec.yml#2: id: /);
  });

  it("a fix that uses a metavariable the rule does not capture", () => {
    expect(errorOf(() => compileRule(ruleFromPattern("f($A)", { fixes: ["g($A)", "g($B)"] })))).toBe(
      "rule 'f($A)': fix 'f($A)#2' uses $B, which the rule does not capture",
    );
  });

  it("invalid YAML and duplicate ids", () => {
    expect(errorOf(() => parseRulesYaml("id: [x\n", "bad.yml"))).toMatch(/^bad.yml: invalid YAML: /);
    expect(errorOf(() => parseRulesYaml("id: a\nrule: {pattern: x}\n---\nid: a\nrule: {pattern: y}\n", "dup.yml"))).toBe(
      "dup.yml: two rules have the id 'a'",
    );
  });
});

describe("compileRule", () => {
  it("collects metavariables and fixes (fix first, then fixes with ids)", () => {
    const rule = parseRulesYaml(
      "id: log\nrule:\n  pattern: console.log($FIRST, $$$REST, $_IGNORED)\nfix: logger.info($FIRST)\nfixes:\n  - log.info($$$REST)\n  - id: named\n    template: x($FIRST)\n",
      "r.yml",
    )[0]!;
    const compiled = compileRule(rule);
    expect(compiled.metavariables).toEqual([
      { name: "FIRST", multi: false },
      { name: "REST", multi: true },
    ]);
    expect(compiled.fixes.map((fix) => fix.id)).toEqual(["log", "log#1", "named"]);
    expect(compiled.languages).toEqual(["TypeScript", "Tsx", "JavaScript"]);
  });
});

describe("requiredText", () => {
  const text = (rule: unknown, utils?: Record<string, unknown>) => requiredText(rule, utils, "TypeScript");
  it("takes the longest identifier of a pattern", () => {
    expect(text({ pattern: "console.log($$$A)" })).toEqual(["console"]);
    expect(text({ pattern: "import $X from 'react'" })).toEqual(["react"]);
    expect(text({ pattern: "$A + $B" })).toBeUndefined();
  });
  it("follows all, any, relations and utilities, and gives up on not and kind", () => {
    expect(text({ all: [{ kind: "call_expression" }, { pattern: "fetch($U)" }] })).toEqual(["fetch"]);
    expect(text({ any: [{ pattern: "fetch($U)" }, { pattern: "axios($U)" }] })).toEqual(["fetch", "axios"]);
    expect(text({ any: [{ pattern: "fetch($U)" }, { kind: "identifier" }] })).toBeUndefined();
    expect(text({ kind: "call_expression", inside: { pattern: "describe($$$)" } })).toEqual(["describe"]);
    expect(text({ matches: "u" }, { u: { pattern: "window.location" } })).toEqual(["location"]);
    expect(text({ not: { pattern: "secret" } })).toBeUndefined();
    expect(text({ pattern: { context: "class A { $F = 1 }", selector: "public_field_definition" } })).toBeUndefined();
  });
});

describe("pattern syntax", () => {
  it("refuses a pattern where the parser had to insert a missing token", () => {
    expect(errorOf(() => compileRule(ruleFromPattern("logger.info($A;", { language: "ts" })))).toBe(
      `rule 'logger.info($A;': pattern "logger.info($A;" is not valid TypeScript (syntax error missing ")")`,
    );
  });
});
