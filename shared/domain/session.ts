import { z } from "zod";

/** Where a session is in its life: preparing the root checkpoint, searching, paused by the user, or finished. */
export const SessionStatusSchema = z.enum(["preparing", "running", "paused", "stopped", "done", "failed"]);
/** See {@link SessionStatusSchema}. */
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** One migration spec applied to one repository: the root of one fork tree. Times are epoch milliseconds. */
export const SessionSchema = z.strictObject({
  id: z.string().min(1),
  specName: z.string(),
  /** sha256 of the normalized spec, so a resumed session can tell that its spec changed. */
  specHash: z.string().min(1),
  repoPath: z.string().min(1),
  /** The git commit the root node stands for. */
  rootCommit: z.string().min(1),
  /** The image of the prepared sandbox (dependencies installed), once it exists. */
  rootCheckpointId: z.string().min(1).optional(),
  status: SessionStatusSchema,
  /** Why the session is in its status, when that needs saying (e.g. "budget spent: usd"). */
  reason: z.string().optional(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
/** See {@link SessionSchema}. */
export type Session = z.infer<typeof SessionSchema>;
