import { readFile } from "node:fs/promises";
import { parseAllDocuments } from "yaml";
import type { z } from "zod";
import { ForkliftError } from "../../shared/errors.ts";
import { targetRuleSchema } from "./target-rule.ts";
import type { TargetRule } from "./target-rule.ts";

/** A rule from a bare ast-grep pattern; its id is the pattern unless given. */
export function ruleFromPattern(pattern: string, options: { id?: string; language?: string; fixes?: string[] } = {}): TargetRule {
  if (pattern.trim() === "") throw new ForkliftError("invalid-input", "the pattern is empty");
  return {
    id: options.id ?? pattern,
    rule: { pattern },
    ...(options.language === undefined ? {} : { language: options.language }),
    ...(options.fixes === undefined ? {} : { fixes: options.fixes }),
  };
}

/** Validates one rule object (from a spec or YAML); `where` names its origin in errors, e.g. "rules.yml#2". */
export function parseTargetRule(value: unknown, where: string): TargetRule {
  const result = targetRuleSchema.safeParse(value);
  if (result.success) return result.data;
  const id = typeof value === "object" && value !== null && "id" in value && typeof value.id === "string" ? value.id : undefined;
  throw new ForkliftError("invalid-input", `rule ${id === undefined ? where : `'${id}' (${where})`}: ${describeIssue(result.error)}`);
}

/** Reads ast-grep YAML rules: one rule per document (`---` separates them). */
export function parseRulesYaml(text: string, source: string): TargetRule[] {
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) throw new ForkliftError("invalid-input", `${source}: not YAML`);
  const rules = documents
    .filter((document) => document.contents !== null)
    .map((document, index) => {
      const where = documents.length > 1 ? `${source}#${index + 1}` : source;
      const problem = document.errors[0];
      if (problem) throw new ForkliftError("invalid-input", `${where}: invalid YAML: ${problem.message.split("\n")[0]}`);
      return parseTargetRule(document.toJS(), where);
    });
  if (rules.length === 0) throw new ForkliftError("invalid-input", `${source}: no rule in the file`);
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new ForkliftError("invalid-input", `${source}: two rules have the id '${rule.id}'`);
    seen.add(rule.id);
  }
  return rules;
}

/** Reads a YAML rule file (see {@link parseRulesYaml}). */
export async function loadRuleFile(path: string): Promise<TargetRule[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    throw new ForkliftError("not-found", `cannot read the rule file ${path}`);
  }
  return parseRulesYaml(text, path);
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const path = issue.path.join(".");
  return path === "" ? issue.message : `${path}: ${issue.message}`;
}
