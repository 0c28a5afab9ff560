import { z } from "zod";
import { SessionSchema } from "../domain/session.ts";

const amount = z.number().nonnegative();

/** What a session spends, in the units its budgets use. */
export const SpendSchema = z.strictObject({ tokens: amount, usd: amount, wallMs: amount });
/** See {@link SpendSchema}. */
export type Spend = z.infer<typeof SpendSchema>;

/** A session with what the studio shows around its tree: the spec, its budgets and what is spent. */
export const SessionInfoSchema = z.strictObject({
  session: SessionSchema,
  specPath: z.string(),
  goal: z.string(),
  /** The generators this session runs. */
  generators: z.array(z.enum(["recipe", "llm"])),
  /** The spec's limits (absent: no limit of that kind). */
  budgets: z.strictObject({ tokens: amount.optional(), usd: amount.optional(), wallMinutes: amount.optional() }),
  spent: SpendSchema,
  /** Target sites in the root's files. */
  sitesAtRoot: z.number().int().nonnegative(),
  /** A runner (this process or another) is driving the session right now. */
  live: z.boolean(),
});
/** See {@link SessionInfoSchema}. */
export type SessionInfo = z.infer<typeof SessionInfoSchema>;
