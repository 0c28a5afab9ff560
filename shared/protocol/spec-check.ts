import { z } from "zod";

/** One problem in a migration spec, located for an editor (1-based line and column). */
export const SpecDiagnosticSchema = z.strictObject({
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** The field, e.g. `checks[0].timeoutSec`; absent for a YAML syntax error. */
  field: z.string().optional(),
  /** What is wrong and what was expected, without the location prefix. */
  message: z.string(),
});
/** See {@link SpecDiagnosticSchema}. */
export type SpecDiagnostic = z.infer<typeof SpecDiagnosticSchema>;

/** The answer of `spec/validate`: every problem found (empty when the spec is valid), and what it is. */
export const SpecCheckSchema = z.strictObject({
  ok: z.boolean(),
  diagnostics: z.array(SpecDiagnosticSchema),
  /** Set when valid. */
  name: z.string().optional(),
  goal: z.string().optional(),
  /** The generators the spec configures (set when valid). */
  generators: z.array(z.enum(["recipe", "llm"])).optional(),
});
/** See {@link SpecCheckSchema}. */
export type SpecCheck = z.infer<typeof SpecCheckSchema>;
