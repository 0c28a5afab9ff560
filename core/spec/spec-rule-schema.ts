import type { z } from "zod";
import { languageNamesHelp, parseLanguageName } from "../targets/languages.ts";
import { targetRuleSchema } from "../targets/target-rule.ts";
import { describeValue } from "./issue-text.ts";

/**
 * A target rule as a spec holds it: core/targets' ast-grep rule (id, language, rule, constraints,
 * utils, fix, fixes, message) whose language, when given, is one core/targets can parse.
 */
export const SpecRuleSchema = targetRuleSchema.superRefine((rule, ctx) => {
  if (rule.language === undefined || parseLanguageName(rule.language)) return;
  ctx.addIssue({ code: "custom", message: `expected ${languageNamesHelp}, got ${describeValue(rule.language)}`, path: ["language"], input: undefined });
});

/** A recipe rule: a target rule that says how to rewrite its matches (`fix`, or alternative `fixes`). */
export const RecipeRuleSchema = SpecRuleSchema.superRefine((rule, ctx) => {
  if (rule.fix !== undefined || (rule.fixes?.length ?? 0) > 0) return;
  ctx.addIssue({ code: "custom", message: 'expected "fix" or "fixes": a recipe rule must say how to rewrite', path: [], input: undefined });
});

/** See {@link SpecRuleSchema}. */
export type SpecRule = z.infer<typeof SpecRuleSchema>;
