import { z } from "zod";

/** A node's score: higher is better; `parts` says where it came from (check name or "sites" → contribution). */
export const ScoreSchema = z.strictObject({
  value: z.number(),
  /** Target sites left in this node's files (0 = the migration is done here). */
  sitesLeft: z.number().int().nonnegative(),
  /** Every gate check holds. */
  gatesHeld: z.boolean(),
  parts: z.record(z.string(), z.number()),
});
/** See {@link ScoreSchema}. */
export type Score = z.infer<typeof ScoreSchema>;
