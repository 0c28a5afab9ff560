// Every rule of a spec is compiled at load: a rule the search could not run is refused with the
// line and column of what is wrong (before, these were found only after a session existed).
import { describe, expect, it } from "vitest";
import { formatSpecProblem, validateSpec } from "./validate-spec.ts";

function problems(source: string): string[] {
  const result = validateSpec(source, "spec.yml");
  if (result.ok) throw new Error("expected the spec to be rejected");
  return result.problems.map((problem) => formatSpecProblem("spec.yml", problem));
}

const head = "goal: g\ntargets:\n  - id: a\n    language: ts\n";

describe("rules compiled at load", () => {
  it("points at a misspelt rule key, however deep, and suggests the key meant", () => {
    expect(problems(`${head}    rule:\n      any:\n        - pattern: x\n        - patern: y\n`)).toEqual([
      'spec.yml:8:11: targets[0].rule: unknown rule key "patern"; did you mean "pattern"?',
    ]);
  });

  it("points at a pattern that does not parse", () => {
    expect(problems(`${head}    rule:\n      pattern: console.log($A\n`)).toEqual([
      'spec.yml:6:16: targets[0].rule: pattern "console.log($A" is not valid TypeScript (syntax error at "console.log($A"): write the pattern as code that parses on its own (ast-grep pattern syntax)',
    ]);
  });

  it("points at an unknown node kind and an undefined util", () => {
    expect(problems(`${head}    rule: { kind: call_expresion }\n`)[0]).toMatch(/^spec\.yml:5:19: targets\[0\]\.rule: .*Kind `call_expresion` is invalid; fix the rule/);
    expect(problems(`${head}    rule: { matches: helper }\n`)[0]).toMatch(/^spec\.yml:5:22: targets\[0\]\.rule: .*Rule `helper` is not defined/);
  });

  it("checks recipe rules too, including the metavariables their fixes use", () => {
    const source = `${head}    rule: { pattern: x }\ngenerators:\n  recipe:\n    rules:\n      - id: r\n        rule: { pattern: f($A) }\n        fix: g($B)\n`;
    expect(problems(source)).toEqual([
      "spec.yml:11:9: generators.recipe.rules[0].fix: fix 'r' uses $B, which the rule does not capture: use only the metavariables the rule's patterns capture",
    ]);
  });
});

describe("YAML syntax errors", () => {
  it("point where an unclosed quote, { or [ was opened, not where the parser gave up", () => {
    expect(problems('goal: "abc\ntargets:\n  - id: a\n    rule: { pattern: x }\n')).toEqual(['spec.yml:1:7: Missing closing "quote: the string opened here is never closed']);
    expect(problems("goal: g\ntargets:\n  - id: 'a\n    rule: { pattern: x }\nsearch: {}\n")).toEqual(["spec.yml:3:9: Missing closing 'quote: the string opened here is never closed"]);
    expect(problems("goal: g\ntargets:\n  - id: a\n    rule: { pattern: x\nsearch:\n  beamWidth: 2\n")).toEqual(["spec.yml:4:11: the { opened here is never closed with }"]);
    expect(problems("goal: g\ntargets: [\n  {id: a, rule: {pattern: x}}\nsearch: {}\n")).toEqual(["spec.yml:2:10: the [ opened here is never closed with ]"]);
  });

  it("are cut at 300 characters when the parser quotes a huge token", () => {
    const line = formatSpecProblem("spec.yml", { line: 3, column: 1, path: "", message: `Unexpected scalar token in YAML stream: "${"x".repeat(5000)}"` });
    expect(line).toBe(`spec.yml:3:1: Unexpected scalar token in YAML stream: "${"x".repeat(300 - 41)}…`);
  });

  it("points at an alias whose anchor does not exist", () => {
    expect(problems("goal: *nope\ntargets: []\n")).toEqual(["spec.yml:1:7: Unresolved alias (the anchor must be set before the alias): nope"]);
  });
});
