import { z } from "zod";
import { NodeSchema } from "./node.ts";
import { SessionSchema } from "./session.ts";

const seq = z.number().int().positive();

/**
 * One change to a fork tree, numbered by the store's append-only event log. Updates carry the
 * whole new value rather than a patch, so applying one twice or after a reconnect is harmless.
 */
export const TreeDeltaSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("node-added"), seq, node: NodeSchema }),
  z.strictObject({ kind: z.literal("node-updated"), seq, node: NodeSchema }),
  z.strictObject({ kind: z.literal("session-updated"), seq, session: SessionSchema }),
]);
/** See {@link TreeDeltaSchema}. */
export type TreeDelta = z.infer<typeof TreeDeltaSchema>;
/** The kinds of {@link TreeDelta}. */
export type TreeDeltaKind = TreeDelta["kind"];
