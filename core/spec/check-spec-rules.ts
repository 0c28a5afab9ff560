import type { Document, LineCounter, Node as YamlNode } from "yaml";
import { compileRule } from "../targets/compile-rule.ts";
import type { TargetRule } from "../targets/target-rule.ts";
import { didYouMean } from "./did-you-mean.ts";
import { formatPath } from "./issue-text.ts";
import type { Spec } from "./spec-schema.ts";
import { findScalar, yamlNodeAt } from "./yaml-find.ts";

/** A problem of one rule, placed in the spec's source. */
export interface RuleProblem {
  line: number;
  column: number;
  path: string;
  message: string;
}

/** The keys of an ast-grep rule object, as napi names them when it refuses one it does not know. */
const unknownKey = /unknown field `([^`]+)`, expected (?:one of )?(.+)$/;
const badPattern = /^pattern ("(?:[^"\\]|\\.)*") is not valid/;
const badFix = /^fix '([^']*)' uses /;

/**
 * Compiles every target and recipe rule of a valid spec the way the search will (napi parses
 * each pattern, checks kinds, regexes, relations, utils and the fixes' metavariables), so a rule
 * that cannot run is refused at load with the line and column of what is wrong, never after a
 * session exists.
 */
export function checkSpecRules(spec: Spec, doc: Document, lineCounter: LineCounter): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const check = (rule: TargetRule, path: (string | number)[]) => {
    try {
      compileRule(rule);
    } catch (error) {
      const raw = error instanceof Error ? error.message : String(error);
      problems.push(placeProblem(raw.replace(/^rule '[^']*': /, ""), path, doc, lineCounter));
    }
  };
  spec.targets.forEach((rule, index) => check(rule, ["targets", index]));
  spec.generators.recipe?.rules.forEach((rule, index) => check(rule, ["generators", "recipe", "rules", index]));
  return problems;
}

/** Where in the rule's YAML the problem is, and the message with what to do. */
function placeProblem(problem: string, rulePath: (string | number)[], doc: Document, lineCounter: LineCounter): RuleProblem {
  const ruleNode = yamlNodeAt(doc, rulePath);
  const at = (node: YamlNode | undefined, subPath: (string | number)[], message: string): RuleProblem => {
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? ruleNode?.range?.[0] ?? 0);
    return { line, column: col, path: formatPath([...rulePath, ...subPath]), message };
  };
  const key = unknownKey.exec(problem);
  if (key) {
    const [, name = "", expected = ""] = key;
    const known = [...expected.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    const meant = didYouMean(name, known);
    const found = findScalar(ruleNode, (value, role) => role === "key" && value === name);
    const hint = meant ? `did you mean "${meant}"?` : `expected one of ${known.join(", ")}`;
    return at(found, ["rule"], `unknown rule key "${name}"; ${hint}`);
  }
  const pattern = badPattern.exec(problem);
  if (pattern) {
    const text = JSON.parse(pattern[1]!) as string;
    const found = findScalar(ruleNode, (value, role) => role === "value" && value === text);
    return at(found, ["rule"], `${problem}: write the pattern as code that parses on its own (ast-grep pattern syntax)`);
  }
  const fix = badFix.exec(problem);
  if (fix) {
    const found = findScalar(ruleNode, (value, role) => role === "key" && (value === "fix" || value === "fixes"));
    const field = found && "value" in found && typeof found.value === "string" ? found.value : "fixes";
    return at(found, [field], `${problem}: use only the metavariables the rule's patterns capture`);
  }
  // napi's nested reasons ("`rule` is not configured correctly.: Rule contains invalid kind matcher.: …: Kind `nope` is invalid."):
  // keep the reasons, and point at the value the last one names when the rule holds it
  const reasons = problem.split(/\.?: /).map((part) => part.replace(/\.$/, "")).filter((part) => !/^`rule` is not configured correctly$/.test(part));
  const named = [...problem.matchAll(/`([^`]+)`/g)].map((match) => match[1]!).reverse();
  let found: YamlNode | undefined;
  for (const name of named) {
    found = findScalar(ruleNode, (value, role) => role === "value" && value === name);
    if (found) break;
  }
  found ??= findScalar(ruleNode, (value, role) => role === "key" && value === "rule");
  return at(found, ["rule"], `${reasons.join(": ")}; fix the rule (ast-grep's rule format)`);
}
