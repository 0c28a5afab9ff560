import { z } from "zod";

/**
 * What produced a node's changes: the root (no changes), a recipe (a structural rewrite rule and
 * which of its alternative fixes), an LLM (its SEARCH/REPLACE blocks, verbatim) or the user
 * (blocks they wrote, or none when they edited files directly and the changeset is the edit).
 */
export const HypothesisSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("root") }),
  z.strictObject({ kind: z.literal("recipe"), ruleId: z.string().min(1), fixId: z.string().min(1) }),
  z.strictObject({
    kind: z.literal("llm"),
    editBlocks: z.string(),
    /** The user's hint when they asked for this expansion (node/expand). */
    hint: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal("manual"), editBlocks: z.string().optional() }),
]);
/** See {@link HypothesisSchema}. */
export type Hypothesis = z.infer<typeof HypothesisSchema>;
/** The kinds of {@link Hypothesis}. */
export type HypothesisKind = Hypothesis["kind"];
