import type { Node } from "../../shared/domain/node.ts";
import type { GeneratedHypothesis } from "../generators/index.ts";
import { isInfrastructureFault, toProvenanceRecord } from "../generators/index.ts";
import type { Store } from "../store/index.ts";
import { addNode, getAccumulatedHashes, getChangeset, getNode, getSessionSetting, getTree, setSessionSetting, updateNode } from "../store/index.ts";
import { childHashes, stateKey } from "./state-key.ts";
import { voteKey } from "./vote-key.ts";

/** What recording an expansion did. */
export interface RecordedChildren {
  /** For each hypothesis, in order, the node that holds it (a new one, or the one it voted for). */
  readonly nodes: readonly Node[];
  /** The new nodes waiting for their checks. */
  readonly pending: readonly Node[];
  /** Hypotheses whose files equal a node elsewhere in the tree (the same edits in another order): votes for it, not new nodes. */
  readonly merged: number;
}

/** The session setting counting hypotheses merged into an equal state elsewhere in the tree. */
export const mergedStatesKey = "duplicate-states-merged";

/**
 * Records the hypotheses generated for one node as its children in ONE transaction, so a crash
 * leaves all of them or none (an expansion is never half recorded, never duplicated). Identical
 * changes (by {@link voteKey}) become one node with a vote per hypothesis, also across earlier
 * children of the node; hypotheses without changes are recorded `invalid` (a wrong reply) or
 * `failed-infra` (the endpoint failed), with the reason. A hypothesis whose accumulated files
 * equal those of another node of the session (the same edits reached in another order, under
 * another parent) is judged once and drawn once: it becomes a vote for that node.
 */
export function recordChildren(store: Store, sessionId: string, parentId: string, hypotheses: readonly GeneratedHypothesis[]): RecordedChildren {
  return store.write(() => {
    const tree = getTree(store, sessionId);
    const byKey = new Map<string, string>();
    for (const child of Object.values(tree.nodes)) {
      if (child.parentId !== parentId || child.state === "invalid" || child.state === "failed-infra") continue;
      byKey.set(voteKey(getChangeset(store, child.id)), child.id);
    }
    const parentHashes = getAccumulatedHashes(store, parentId);
    const states = new Map<string, string>();
    for (const node of Object.values(tree.nodes)) {
      if (node.parentId === undefined || node.state === "invalid" || node.state === "failed-infra" || node.state === "pruned") continue;
      states.set(stateKey(getAccumulatedHashes(store, node.id)), node.id);
    }
    let merged = 0;
    const ids: string[] = [];
    const pending: string[] = [];
    for (const hypothesis of hypotheses) {
      const provenance = toProvenanceRecord(hypothesis.provenance);
      if (hypothesis.kind === "invalid") {
        const infra = isInfrastructureFault(hypothesis.reason);
        const node = addNode(store, { parentId, hypothesis: hypothesis.source, provenance, changes: {}, state: infra ? "pending" : "invalid", reason: hypothesis.reason.message });
        if (infra) updateNode(store, node.id, { state: "failed-infra", reason: `${hypothesis.reason.kind}: ${hypothesis.reason.message}` });
        ids.push(node.id);
        continue;
      }
      const key = voteKey(hypothesis.changes);
      const same = byKey.get(key);
      if (same !== undefined) {
        updateNode(store, same, { votes: (getNode(store, same)?.votes ?? 0) + 1 });
        ids.push(same);
        continue;
      }
      const state = stateKey(childHashes(parentHashes, hypothesis.changes));
      const equal = states.get(state);
      if (equal !== undefined && equal !== parentId) {
        updateNode(store, equal, { votes: (getNode(store, equal)?.votes ?? 0) + 1 });
        byKey.set(key, equal);
        ids.push(equal);
        merged++;
        continue;
      }
      const node = addNode(store, { parentId, hypothesis: hypothesis.source, provenance, changes: hypothesis.changes });
      byKey.set(key, node.id);
      states.set(state, node.id);
      ids.push(node.id);
      pending.push(node.id);
    }
    if (merged > 0) setSessionSetting(store, sessionId, mergedStatesKey, String(Number(getSessionSetting(store, sessionId, mergedStatesKey) ?? 0) + merged));
    const current = (id: string) => getNode(store, id)!;
    return { nodes: ids.map(current), pending: pending.map(current), merged };
  });
}
