// Spec loading under mutation: valid specs damaged at random, in their text (characters, lines,
// indentation) and in their structure (keys dropped or misspelt, values of the wrong type, broken
// patterns). Every outcome must be a valid spec whose rules compile, or an "invalid-spec" error
// (exit 2) with a file:line:col location on one line — never an exception of another kind.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { ForkliftError } from "../../shared/errors.ts";
import { exitCodeFor, exitCodes } from "../hosts/cli/exit-codes.ts";
import { compileRule } from "../targets/compile-rule.ts";
import { hashSpec } from "./hash-spec.ts";
import { loadSpec } from "./load-spec.ts";
import { validateSpec } from "./validate-spec.ts";

const example = readFileSync(path.resolve(import.meta.dirname, "../../examples/specs/console-to-logger.yml"), "utf8");
const rich = `version: 1
name: rich
goal: "Replace moment with date-fns"
targets:
  - id: moment-call
    language: ts
    rule:
      all:
        - pattern: moment($$$ARGS)
        - inside: { kind: program, stopBy: end }
    constraints:
      ARGS: { regex: "^[a-z]" }
  - id: moment-import
    rule: { kind: import_statement, has: { kind: string, regex: moment } }
sandbox:
  dockerfile: Dockerfile
  setup: ["npm ci --offline", "npm run build"]
  setupNetwork: true
  limits: { memory: 3g, cpus: 2, pids: 1024 }
checks:
  - { name: tsc, command: npx tsc --noEmit, parser: tsc, mode: gate }
  - { name: unit, command: npx vitest run --reporter=json, parser: vitest-json, mode: score, weight: 0.5, timeoutSec: 600 }
search: { beamWidth: 2, hypothesesPerNode: 3, maxDepth: 5, sitesPerStep: 2, patienceDepths: 2, seed: 3 }
budgets: { tokens: 0, usd: 0.5, wallMinutes: 10, sandboxesAtOnce: 1, llmCallsAtOnce: 1 }
generators:
  recipe:
    rules:
      - id: now
        language: TypeScript
        rule: { pattern: moment() }
        fixes: ["new Date()", { id: date-fns, template: "Date.now()" }]
  llm: { model: gpt-4.1-mini, temperature: [0, 0.7, 1.4], baseUrl: "http://127.0.0.1:8080/v1", apiKeyEnv: MY_KEY, maxOutputTokens: 1000 }
`;
const seeds = [example, rich];

type Mutation = (source: string) => string;

const yamlNoise = [":", "{", "}", "[", "]", "-", "'", '"', "#", "&a", "*a", "!", "|", ">", " ", "\n", "\t", "$", "(", ")", "x", "0", "-1", "1e999", "null", "~", "? "];

/** Text mutations: positions and pieces chosen by fast-check. */
const textMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 20 })).map(([at, length]): Mutation => (s) => {
    const start = at % (s.length + 1);
    return s.slice(0, start) + s.slice(start + length);
  }),
  fc.tuple(fc.nat(), fc.constantFrom(...yamlNoise)).map(([at, piece]): Mutation => (s) => {
    const start = at % (s.length + 1);
    return s.slice(0, start) + piece + s.slice(start);
  }),
  fc.tuple(fc.nat(), fc.constantFrom("dup", "drop", "indent", "dedent", "tab")).map(([at, how]): Mutation => (s) => {
    const lines = s.split("\n");
    const i = at % lines.length;
    const line = lines[i]!;
    if (how === "dup") lines.splice(i, 0, line);
    else if (how === "drop") lines.splice(i, 1);
    else if (how === "indent") lines[i] = `  ${line}`;
    else if (how === "dedent") lines[i] = line.replace(/^ {1,2}/, "");
    else lines[i] = line.replace(/^ +/, "\t");
    return lines.join("\n");
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (s) => {
    const lines = s.split("\n");
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return lines.join("\n");
  }),
);

const oddValues: unknown[] = [null, 0, -1, 1.5, 1e308, "", "ten", "2x", true, [], [1, "a"], {}, { zz: 1 }, "console.log(", "$$$", "((", "a".repeat(300)];

/** Structural mutations: on the parsed data at a random path, then written back as YAML. */
const dataMutation: fc.Arbitrary<Mutation> = fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.constantFrom("delete", "typo", "value", "pattern", "extra"), fc.nat()).map(
  ([walk, how, pick]): Mutation =>
    (s) => {
      let data: unknown;
      try {
        data = parse(s);
      } catch {
        return s;
      }
      if (typeof data !== "object" || data === null) return s;
      // descend along the walk while there is something to descend into
      let parent = data as Record<string, unknown>;
      let key: string | number = Object.keys(parent)[0] ?? "goal";
      for (const step of walk) {
        const keys: (string | number)[] = Array.isArray(parent) ? parent.map((_, i) => i) : Object.keys(parent);
        if (keys.length === 0) break;
        key = keys[step % keys.length]!;
        const child = (parent as Record<string | number, unknown>)[key];
        if (typeof child !== "object" || child === null) break;
        parent = child as Record<string, unknown>;
        key = (Array.isArray(parent) ? 0 : Object.keys(parent)[0]) ?? key;
      }
      const target = parent as Record<string | number, unknown>;
      const value = target[key];
      if (how === "delete") {
        if (Array.isArray(target)) target.splice(Number(key), 1);
        else delete target[key];
      } else if (how === "typo" && typeof key === "string" && key.length > 1) {
        const at = pick % (key.length - 1);
        const typo = key.slice(0, at) + key[at + 1] + key[at] + key.slice(at + 2);
        delete target[key];
        target[typo] = value;
      } else if (how === "value") {
        target[key] = oddValues[pick % oddValues.length];
      } else if (how === "pattern" && typeof value === "string") {
        const at = pick % (value.length + 1);
        target[key] = value.slice(0, at) + "(" + value.slice(at + 1);
      } else {
        if (!Array.isArray(target)) target[`extra${pick % 3}`] = oddValues[pick % oddValues.length];
      }
      return stringify(data);
    },
);

const caseArb = fc.record({
  seed: fc.constantFrom(...seeds),
  mutations: fc.array(fc.oneof(textMutation, dataMutation), { minLength: 1, maxLength: 3 }),
});

const scratch = await mkdtemp(path.join(tmpdir(), "forklift-spec-fuzz-"));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("spec loading under mutation", () => {
  it("every mutated spec is valid with compilable rules, or refused with exit 2 and file:line:col", async () => {
    const file = path.join(scratch, "fuzz.yml");
    let valid = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ seed, mutations }) => {
        const source = mutations.reduce((text, mutate) => mutate(text), seed);
        const result = validateSpec(source, file); // never throws
        const lines = source.split("\n").length;
        if (result.ok) {
          valid++;
          expect(hashSpec(result.spec)).toMatch(/^[0-9a-f]{64}$/);
          for (const rule of [...result.spec.targets, ...(result.spec.generators.recipe?.rules ?? [])]) compileRule(rule);
        } else {
          refused++;
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.line).toBeLessThanOrEqual(lines + 1);
            expect(problem.column).toBeGreaterThanOrEqual(1);
            expect(problem.message.trim()).not.toBe("");
          }
        }
        await writeFile(file, source);
        const loaded = await loadSpec(file).catch((error: unknown) => error);
        if (result.ok) {
          expect(loaded).not.toBeInstanceOf(Error);
          return;
        }
        expect(loaded).toBeInstanceOf(ForkliftError);
        const error = loaded as ForkliftError;
        expect(error.code).toBe("invalid-spec");
        expect(exitCodeFor(error.code)).toBe(exitCodes.usage);
        expect(error.message.startsWith(`${file}:`)).toBe(true);
        expect(error.message.slice(file.length)).toMatch(/^:\d+:\d+: \S/);
        expect(error.message).not.toContain("\n");
      }),
      { numRuns: 1000, seed: 20260410 },
    );
    // both outcomes must really occur, or the mutations test nothing
    expect(valid).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(300);
  }, 120_000);
});
