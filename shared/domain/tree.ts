import { z } from "zod";
import { NodeSchema } from "./node.ts";
import { SessionSchema } from "./session.ts";

/**
 * A session's fork tree as of event `seq`: what `tree/get` returns and what the UI keeps,
 * advanced by {@link TreeDelta}s with a larger seq.
 */
export const TreeSchema = z.strictObject({
  session: SessionSchema,
  /** Every node of the session by id. */
  nodes: z.record(z.string(), NodeSchema),
  /** The seq of the last event this tree includes (0 = none); events are numbered across all sessions. */
  seq: z.number().int().nonnegative(),
});
/** See {@link TreeSchema}. */
export type Tree = z.infer<typeof TreeSchema>;
