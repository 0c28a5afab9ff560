import { parse } from "@ast-grep/napi";
import type { NapiConfig, Rule } from "@ast-grep/napi";
import { ForkliftError } from "../../shared/errors.ts";
import { languageNamesHelp, napiLanguage, parseLanguageName, targetLanguages } from "./languages.ts";
import type { TargetLanguage } from "./languages.ts";
import { metavariablesIn, patternsIn } from "./metavariables.ts";
import type { Metavariable } from "./metavariables.ts";
import { requiredText } from "./required-text.ts";
import { pathFilter } from "./file-globs.ts";
import type { PathFilter } from "./file-globs.ts";
import { findSyntaxError } from "./syntax-error.ts";
import type { TargetRule } from "./target-rule.ts";

/** A fix alternative ready to apply: its hypothesis id and template. */
export interface CompiledFix {
  id: string;
  template: string;
}

/** A rule checked against napi and ready to run: matcher, languages, metavariables and fixes. */
export interface CompiledRule {
  id: string;
  /** The languages the rule runs on: its `language`, or every language it compiles for. */
  languages: readonly TargetLanguage[];
  matcher: NapiConfig;
  metavariables: readonly Metavariable[];
  fixes: readonly CompiledFix[];
  /** Texts of which a file must hold one to possibly match (see {@link requiredText}); undefined when unknown. */
  needles: readonly string[] | undefined;
  /** Whether the rule applies to a repository-relative path (its `files` and `ignores`). */
  appliesTo: PathFilter;
}

const cache = new WeakMap<TargetRule, CompiledRule>();

/**
 * Checks a rule and prepares it: the language is known, every pattern parses without syntax
 * errors, napi accepts the rule (kinds, regexes, relations, utils), and every fix uses only
 * metavariables the rule captures. Errors are one line naming the rule. Cached per rule object.
 */
export function compileRule(rule: TargetRule): CompiledRule {
  const cached = cache.get(rule);
  if (cached) return cached;
  const fail = (problem: string): never => {
    throw new ForkliftError("invalid-input", `rule '${rule.id}': ${problem}`);
  };
  let candidates = targetLanguages;
  if (rule.language !== undefined) {
    const language = parseLanguageName(rule.language);
    if (!language) fail(`unknown language '${rule.language}' (use ${languageNamesHelp})`);
    else candidates = [language];
  }
  const matcher: NapiConfig = {
    rule: rule.rule as Rule,
    ...(rule.constraints ? { constraints: rule.constraints as Record<string, Rule> } : {}),
    ...(rule.utils ? { utils: rule.utils as Record<string, Rule> } : {}),
  };
  const problems: string[] = [];
  const languages = candidates.filter((language) => {
    const problem = problemFor(matcher, rule, language);
    if (problem !== undefined) problems.push(problem);
    return problem === undefined;
  });
  if (languages.length === 0) fail(problems[0]!);
  const metavariables = uniqueMetavariables(patternsIn([rule.rule, rule.utils]).flatMap(metavariablesIn));
  const fixes = fixesOf(rule);
  fixes.forEach((fix) => {
    const unknown = metavariablesIn(fix.template).find((used) => !metavariables.some((known) => known.name === used.name));
    if (unknown) fail(`fix '${fix.id}' uses $${unknown.multi ? "$$" : ""}${unknown.name}, which the rule does not capture`);
  });
  const needles = requiredText(rule.rule, rule.utils, languages[0]!);
  let appliesTo: PathFilter;
  try {
    appliesTo = pathFilter(rule.files, rule.ignores);
  } catch (error) {
    return fail(`files/ignores: ${error instanceof Error ? error.message : String(error)}`);
  }
  const compiled: CompiledRule = { id: rule.id, languages, matcher, metavariables, fixes, needles, appliesTo };
  cache.set(rule, compiled);
  return compiled;
}

/** Why napi refuses the rule for a language (one line), or undefined when it compiles. */
function problemFor(matcher: NapiConfig, rule: TargetRule, language: TargetLanguage): string | undefined {
  const lang = napiLanguage[language];
  for (const pattern of patternsIn([rule.rule, rule.constraints, rule.utils])) {
    const error = findSyntaxError(parse(lang, pattern).root());
    if (error) {
      const where = error.text() === "" ? `missing ${JSON.stringify(error.kind())}` : `at ${JSON.stringify(error.text())}`;
      return `pattern ${JSON.stringify(pattern)} is not valid ${language} (syntax error ${where})`;
    }
  }
  try {
    parse(lang, "").root().findAll(matcher);
    return undefined;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    // napi explains in nested lines (" |->reason"); keep them, on one line.
    return text
      .split("\n")
      .map((line) => line.replace(/^\s*\|->/, "").trim())
      .filter((line) => line !== "")
      .join(": ");
  }
}

function fixesOf(rule: TargetRule): CompiledFix[] {
  const fixes: CompiledFix[] = [];
  if (rule.fix !== undefined) fixes.push({ id: rule.id, template: typeof rule.fix === "string" ? rule.fix : rule.fix.template });
  (rule.fixes ?? []).forEach((fix, index) => {
    fixes.push(typeof fix === "string" ? { id: `${rule.id}#${index + 1}`, template: fix } : fix);
  });
  const ids = new Set<string>();
  for (const fix of fixes) {
    if (ids.has(fix.id)) throw new ForkliftError("invalid-input", `rule '${rule.id}': two fixes have the id '${fix.id}'`);
    ids.add(fix.id);
  }
  return fixes;
}

function uniqueMetavariables(found: Metavariable[]): Metavariable[] {
  const byName = new Map<string, Metavariable>();
  for (const metavariable of found) if (!byName.has(metavariable.name)) byName.set(metavariable.name, metavariable);
  return [...byName.values()];
}
