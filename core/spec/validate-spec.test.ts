import { describe, expect, it } from "vitest";
import { hashSpec } from "./hash-spec.ts";
import { formatSpecProblem, validateSpec } from "./validate-spec.ts";
import type { SpecProblem } from "./validate-spec.ts";

const minimal = `goal: move console calls to the logger
targets:
  - id: console-call
    language: javascript
    rule:
      pattern: console.log($$$ARGS)
`;

/** The problems of a spec that must not validate, each formatted as the user sees it. */
function problems(source: string): string[] {
  const result = validateSpec(source, "spec.yml");
  if (result.ok) throw new Error("expected the spec to be rejected");
  return result.problems.map((problem: SpecProblem) => formatSpecProblem("spec.yml", problem));
}

describe("validateSpec", () => {
  it("fills every default when only goal and targets are given", () => {
    const result = validateSpec(minimal, "examples/specs/move-logs.yaml");
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { spec } = result;
    expect(spec.name).toBe("move-logs");
    expect(spec.version).toBe(1);
    expect(spec.sandbox).toEqual({
      base: { kind: "image", name: "forklift/node-base:20" },
      copyIgnored: [],
      setup: [],
      setupNetwork: false,
      limits: { memory: 2 * 1024 ** 3, cpus: 1, pids: 512 },
    });
    expect(spec.checks).toEqual([]);
    expect(spec.search).toEqual({ beamWidth: 3, hypothesesPerNode: 4, maxDepth: 25, sitesPerStep: 5, patienceDepths: 3, seed: 0 });
    expect(spec.budgets).toEqual({ tokens: 2_000_000, usd: 10, wallMinutes: 120, sandboxesAtOnce: 2, llmCallsAtOnce: 4 });
    expect(spec.generators).toEqual({});
  });

  it("names the line, column and field of a wrong value and what was expected", () => {
    const source = `${minimal}checks:
  - name: tests
    command: npm test
    parser: tap
    timeoutSec: ten
`;
    expect(problems(source)).toEqual(['spec.yml:11:17: checks[0].timeoutSec: expected a positive number, got "ten"']);
  });

  it("suggests the key meant for a misspelt one, at the key itself", () => {
    const source = `${minimal}serach:
  beamWidth: 2
checks:
  - name: tests
    command: npm test
    parser: tap
    timout: 10
`;
    expect(problems(source)).toEqual([
      'spec.yml:7:1: serach: unknown key; did you mean "search"?',
      'spec.yml:13:5: checks[0].timout: unknown key; did you mean "timeoutSec"?',
    ]);
  });

  it("lists the accepted keys when none is close", () => {
    expect(problems(`${minimal}budgets:\n  zzz: 1\n`)).toEqual([
      "spec.yml:8:3: budgets.zzz: unknown key; expected one of tokens, usd, wallMinutes, sandboxesAtOnce, llmCallsAtOnce",
    ]);
  });

  it("reports a missing required field at the mapping that lacks it", () => {
    expect(problems("targets:\n  - id: a\n    language: ts\n")).toEqual([
      "spec.yml:1:1: goal: missing; expected a non-empty string",
      "spec.yml:2:5: targets[0].rule: missing; expected a mapping",
    ]);
  });

  it("rejects an enum value it does not know, listing the ones it does", () => {
    const source = `${minimal}checks:\n  - { name: t, command: x, parser: mocha }\n`;
    expect(problems(source)).toEqual([
      'spec.yml:8:36: checks[0].parser: expected one of "tsc", "tap", "junit", "vitest-json", "jest-json", "eslint-json", "prettier-check", "exit-code", got "mocha"',
    ]);
  });

  it("wants a language core/targets knows, one of image or dockerfile, and a fix in recipe rules", () => {
    const source = `goal: g
targets:
  - id: a
    language: cobol
    rule: { kind: call_expression }
sandbox:
  image: a
  dockerfile: b
generators:
  recipe:
    rules:
      - id: r
        rule: { pattern: x }
`;
    expect(problems(source)).toEqual([
      'spec.yml:4:15: targets[0].language: expected TypeScript (ts), Tsx (tsx) or JavaScript (js, jsx), got "cobol"',
      'spec.yml:8:15: sandbox.dockerfile: expected only one of "image" or "dockerfile", not both',
      'spec.yml:12:9: generators.recipe.rules[0]: expected "fix" or "fixes": a recipe rule must say how to rewrite',
    ]);
  });

  it("refuses a Dockerfile or a copyIgnored path outside the repository, with what to do", () => {
    const source = `${minimal}sandbox:\n  dockerfile: ../other/Dockerfile\n  copyIgnored: [node_modules, /home/me/cache, a/../../b, .git, "."]\n`;
    expect(problems(source)).toEqual([
      'spec.yml:8:15: sandbox.dockerfile: "../other/Dockerfile" is outside the repository: the Dockerfile must be a path relative to its root',
      'spec.yml:9:31: sandbox.copyIgnored[1]: "/home/me/cache" is outside the repository: a copyIgnored path must be a path relative to its root',
      'spec.yml:9:47: sandbox.copyIgnored[2]: "a/../../b" is outside the repository: a copyIgnored path must be a path relative to its root',
      'spec.yml:9:58: sandbox.copyIgnored[3]: a copyIgnored path must name a path inside the repository other than its root or .git, got ".git"',
      'spec.yml:9:64: sandbox.copyIgnored[4]: a copyIgnored path must name a path inside the repository other than its root or .git, got "."',
    ]);
    const fine = validateSpec(`${minimal}sandbox:\n  dockerfile: docker/Dockerfile.ci\n  copyIgnored: [node_modules, packages/a/node_modules]\n`);
    expect(fine.ok && fine.spec.sandbox).toMatchObject({ base: { kind: "dockerfile", path: "docker/Dockerfile.ci" }, copyIgnored: ["node_modules", "packages/a/node_modules"] });
  });

  it("accepts ast-grep's files and ignores globs on targets and recipe rules", () => {
    const source = `goal: g
targets:
  - id: a
    language: ts
    rule: { pattern: console.log($$$A) }
    files: [src/**]
    ignores: ["**/*.test.ts", { glob: "SRC/GEN/**", caseInsensitive: true }]
generators:
  recipe:
    rules:
      - id: r
        language: ts
        rule: { pattern: console.log($$$A) }
        ignores: [src/cli/**]
        fix: logger.info($$$A)
`;
    const result = validateSpec(source);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.spec.targets[0]).toMatchObject({ files: ["src/**"], ignores: ["**/*.test.ts", { glob: "SRC/GEN/**", caseInsensitive: true }] });
    expect(result.spec.generators.recipe?.rules[0]).toMatchObject({ ignores: ["src/cli/**"] });
  });

  it("refuses a literal API key and a key in place of a variable name", () => {
    const withKey = `${minimal}generators:\n  llm:\n    model: m\n    apiKey: sk-123\n`;
    expect(problems(withKey)).toEqual([
      "spec.yml:10:5: generators.llm.apiKey: a secret never belongs in a spec: put it in an environment variable and name the variable in apiKeyEnv",
    ]);
    const keyAsEnv = `${minimal}generators:\n  llm:\n    model: m\n    apiKeyEnv: sk-proj-abcdef\n`;
    expect(problems(keyAsEnv)[0]).toMatch(
      /^spec\.yml:10:16: generators\.llm\.apiKeyEnv: expected the name of an environment variable that holds the key \(e\.g\. OPENAI_API_KEY\), not the key itself, got "sk-proj-abcdef"$/,
    );
  });

  it("refuses a baseUrl with credentials in it, without repeating them", () => {
    const source = `${minimal}generators:\n  llm:\n    model: m\n    baseUrl: https://me:sk-proj-secret@llm.example.com/v1\n`;
    expect(problems(source)).toEqual([
      "spec.yml:10:14: generators.llm.baseUrl: a URL with a user or key in it (https://user:key@host) puts a secret in the spec: write the URL without it and put the key in the environment variable apiKeyEnv names",
    ]);
    expect(validateSpec(`${minimal}generators:\n  llm: { model: m, baseUrl: "http://127.0.0.1:8080/v1" }\n`).ok).toBe(true);
  });

  it("rejects duplicate ids and check names", () => {
    const source = `${minimal}  - id: console-call\n    language: javascript\n    rule: { pattern: y }\n`;
    expect(problems(source)).toEqual(['spec.yml:7:9: targets[1].id: duplicate id "console-call" (also item 0)']);
  });

  it("reports YAML syntax errors with their position", () => {
    expect(problems("goal: g\ngoal: h\n")).toEqual(["spec.yml:2:1: Map keys must be unique"]);
    expect(problems("goal: [unclosed\n")[0]).toMatch(/^spec\.yml:\d+:\d+: /);
  });

  it("says what a spec is when the document is empty or not a mapping", () => {
    expect(problems("")).toEqual(["spec.yml:1:1: expected a mapping with at least goal and targets, got an empty value"]);
    expect(problems("- a\n")).toEqual(["spec.yml:1:1: expected a mapping with at least goal and targets, got a list"]);
  });

  it("normalizes sizes and temperatures", () => {
    const source = `${minimal}sandbox:\n  limits: { memory: 512m }\ngenerators:\n  llm: { model: m, temperature: 0.5 }\n`;
    const result = validateSpec(source);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.spec.sandbox.limits.memory).toBe(512 * 1024 ** 2);
    expect(result.spec.generators.llm).toEqual({ model: "m", temperatures: [0.5], apiKeyEnv: "OPENAI_API_KEY", maxOutputTokens: 4096 });
    expect(problems(`${minimal}sandbox:\n  limits: { memory: lots }\n`)).toEqual([
      'spec.yml:8:21: sandbox.limits.memory: expected a size such as "512m" or "2g", or a number of bytes, got "lots"',
    ]);
  });
});

describe("hashSpec", () => {
  it("is the same for the same meaning written differently, and differs otherwise", () => {
    const a = validateSpec(minimal);
    const b = validateSpec(`targets: [{ rule: { pattern: "console.log($$$ARGS)" }, language: javascript, id: console-call }]\ngoal: move console calls to the logger\nsearch: { seed: 0 }\n`);
    const c = validateSpec(`${minimal}search: { seed: 1 }\n`);
    if (!a.ok || !b.ok || !c.ok) throw new Error("expected valid specs");
    expect(hashSpec(a.spec)).toBe(hashSpec(b.spec));
    expect(hashSpec(a.spec)).not.toBe(hashSpec(c.spec));
  });
});
