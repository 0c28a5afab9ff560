import type { Node } from "../../shared/domain/node.ts";
import type { GeneratedHypothesis } from "../generators/index.ts";
import { isInfrastructureFault, toProvenanceRecord } from "../generators/index.ts";
import type { Store } from "../store/index.ts";
import { addNode, getChangeset, getNode, getTree, updateNode } from "../store/index.ts";
import { voteKey } from "./vote-key.ts";

/** What recording an expansion did. */
export interface RecordedChildren {
  /** For each hypothesis, in order, the node that holds it (a new one, or the one it voted for). */
  readonly nodes: readonly Node[];
  /** The new nodes waiting for their checks. */
  readonly pending: readonly Node[];
}

/**
 * Records the hypotheses generated for one node as its children in ONE transaction, so a crash
 * leaves all of them or none (an expansion is never half recorded, never duplicated). Identical
 * changes (by {@link voteKey}) become one node with a vote per hypothesis, also across earlier
 * children of the node; hypotheses without changes are recorded `invalid` (a wrong reply) or
 * `failed-infra` (the endpoint failed), with the reason.
 */
export function recordChildren(store: Store, sessionId: string, parentId: string, hypotheses: readonly GeneratedHypothesis[]): RecordedChildren {
  return store.write(() => {
    const tree = getTree(store, sessionId);
    const byKey = new Map<string, string>();
    for (const child of Object.values(tree.nodes)) {
      if (child.parentId !== parentId || child.state === "invalid" || child.state === "failed-infra") continue;
      byKey.set(voteKey(getChangeset(store, child.id)), child.id);
    }
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
      const node = addNode(store, { parentId, hypothesis: hypothesis.source, provenance, changes: hypothesis.changes });
      byKey.set(key, node.id);
      ids.push(node.id);
      pending.push(node.id);
    }
    const current = (id: string) => getNode(store, id)!;
    return { nodes: ids.map(current), pending: pending.map(current) };
  });
}
