import { z } from "zod";

/**
 * The life of a node: `pending` (waiting for checks), `checking`, then `scored`, `invalid` (its
 * edits did not apply or a gate failed — the hypothesis is wrong) or `failed-infra` (the sandbox
 * failed — says nothing about the hypothesis, may be retried); `pruned` (dropped by the search
 * or the user) is final.
 */
export const NodeStateSchema = z.enum(["pending", "checking", "scored", "invalid", "failed-infra", "pruned"]);
/** See {@link NodeStateSchema}. */
export type NodeState = z.infer<typeof NodeStateSchema>;

const transitions: Record<NodeState, readonly NodeState[]> = {
  pending: ["checking", "invalid", "failed-infra", "pruned"],
  // back to pending: the check was interrupted (crash, pause) and must run again
  checking: ["scored", "invalid", "failed-infra", "pending", "pruned"],
  scored: ["pruned"],
  invalid: ["pruned"],
  // back to pending: retry once the sandbox works again
  "failed-infra": ["pending", "pruned"],
  pruned: [],
};

/** Whether a node may move from one state to another (staying in the same state is always allowed). */
export function canTransition(from: NodeState, to: NodeState): boolean {
  return from === to || transitions[from].includes(to);
}
