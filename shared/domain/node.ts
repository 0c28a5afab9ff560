import { z } from "zod";
import { CheckSummarySchema } from "./check-summary.ts";
import { HypothesisSchema } from "./hypothesis.ts";
import { NodeStateSchema } from "./node-state.ts";
import { ProvenanceSchema } from "./provenance.ts";
import { ScoreSchema } from "./score.ts";

/**
 * One state of the code: the session's root commit plus the changesets along the path from the
 * root to this node. The changeset itself (path → content or deletion, relative to the parent)
 * lives in the store; `changesetHash` names it, so identical changes of one parent compare equal.
 */
export const NodeSchema = z.strictObject({
  id: z.string().min(1),
  sessionId: z.string().min(1),
  /** Absent only for the root. */
  parentId: z.string().min(1).optional(),
  /** 0 for the root. */
  depth: z.number().int().nonnegative(),
  /** sha256 over the sorted (path, content hash or deletion) pairs of the changeset. */
  changesetHash: z.string().min(1),
  hypothesis: HypothesisSchema,
  /** Absent for the root. */
  provenance: ProvenanceSchema.optional(),
  checks: z.array(CheckSummarySchema),
  score: ScoreSchema.optional(),
  /** Independent samples that produced this same normalized change (self-consistency). */
  votes: z.number().int().nonnegative(),
  state: NodeStateSchema,
  /** Why the node is in its state, e.g. the edit error for `invalid`, the fault for `failed-infra`. */
  reason: z.string().optional(),
  pinned: z.boolean(),
  /** Set when the node is a checkpoint: the image its sandbox was committed to. */
  checkpointImageId: z.string().min(1).optional(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
/** See {@link NodeSchema}. */
export type Node = z.infer<typeof NodeSchema>;
