import { z } from "zod";
import { expecting, text } from "./field-schemas.ts";
import { CheckSchema } from "./check-schema.ts";
import { GeneratorsSchema } from "./generators-schema.ts";
import { uniqueBy } from "./refinements.ts";
import { SandboxSchema } from "./sandbox-schema.ts";
import { BudgetsSchema, SearchSchema } from "./search-schema.ts";
import { SpecRuleSchema } from "./spec-rule-schema.ts";

/** A migration spec as written in YAML; everything but `goal` and `targets` has a default. */
export const SpecSchema = z.strictObject(
  {
    /** The spec format; only 1 exists. */
    version: z.literal(1, expecting("1")).default(1),
    /** Shown in the UI and the session list; defaults to the file name. */
    name: text().optional(),
    /** The migration in words: given to the LLM and shown to the user. */
    goal: text(),
    /** ast-grep rules whose matches are the sites left to migrate (core/targets' format). */
    targets: z.array(SpecRuleSchema, expecting("a list of target rules")).min(1, expecting("at least one target rule")).superRefine(uniqueBy("id")),
    sandbox: SandboxSchema.prefault({}),
    checks: z.array(CheckSchema, expecting("a list of checks")).superRefine(uniqueBy("name")).default([]),
    search: SearchSchema.prefault({}),
    budgets: BudgetsSchema.prefault({}),
    generators: GeneratorsSchema.prefault({}),
  },
  expecting("a mapping with at least goal and targets"),
);
/** A validated migration spec with every default filled in. */
export type Spec = z.infer<typeof SpecSchema> & { name: string };
