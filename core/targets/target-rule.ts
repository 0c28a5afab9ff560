import { z } from "zod";
import { fileGlobSchema } from "./file-globs.ts";

/** A fix template, bare or as ast-grep's `{ template }` object. */
const fixSchema = z.union([z.string(), z.strictObject({ template: z.string() })]);

/** One alternative fix: a template, optionally with an id that names the hypothesis it produces. */
const alternativeFixSchema = z.union([z.string(), z.strictObject({ id: z.string().min(1), template: z.string() })]);

/** A rule object of ast-grep (pattern, kind, regex, has, inside, not, any, all, matches…); napi checks its inside. */
const ruleObjectSchema = z.record(z.string(), z.unknown());

/**
 * A target rule: ast-grep's YAML rule format (id, language, rule, constraints, utils, fix) plus
 * `fixes`, a list of alternative fixes of which each becomes a separate hypothesis. Without a
 * `language` the rule runs on every supported language it compiles for. `files` / `ignores`
 * scope it to repository paths, with ast-grep's globs (see file-globs.ts).
 */
export const targetRuleSchema = z.strictObject({
  id: z.string().min(1),
  language: z.string().optional(),
  rule: ruleObjectSchema,
  constraints: z.record(z.string(), ruleObjectSchema).optional(),
  utils: z.record(z.string(), ruleObjectSchema).optional(),
  fix: fixSchema.optional(),
  fixes: z.array(alternativeFixSchema).optional(),
  /** Globs of the repository-relative paths the rule applies to (default: every file of its languages). */
  files: z.array(fileGlobSchema).min(1).optional(),
  /** Globs of paths it never applies to (tests, generated code, fixtures). */
  ignores: z.array(fileGlobSchema).min(1).optional(),
  message: z.string().optional(),
  severity: z.string().optional(),
  note: z.string().optional(),
});

/** A target rule as written (see {@link targetRuleSchema}). */
export type TargetRule = z.infer<typeof targetRuleSchema>;
