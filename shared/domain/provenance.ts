import { z } from "zod";

const count = z.number().int().nonnegative();

/** Who made a hypothesis and what it cost: kept with the node and written into exported patches. */
export const ProvenanceSchema = z.strictObject({
  /** The generator that produced it, e.g. "llm", "recipe", "manual". */
  generator: z.string().min(1),
  model: z.string().optional(),
  /** sha256 of the exact prompt sent, so identical prompts can be recognised without storing them. */
  promptHash: z.string().optional(),
  tokensIn: count,
  tokensOut: count,
  /** Input tokens served from the provider's prompt cache (a part of tokensIn). */
  tokensCached: count,
  costUsd: z.number().nonnegative(),
  latencyMs: z.number().nonnegative(),
});
/** See {@link ProvenanceSchema}. */
export type Provenance = z.infer<typeof ProvenanceSchema>;
