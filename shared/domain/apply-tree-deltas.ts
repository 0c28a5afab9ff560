import { assertNever } from "../assert-never.ts";
import type { Node } from "./node.ts";
import type { Tree } from "./tree.ts";
import type { TreeDelta } from "./tree-delta.ts";

/**
 * Advances a tree by a batch of deltas in order, as {@link applyTreeDelta} would one by one,
 * but copying the node record once for the whole batch: a burst of deltas on a large tree costs
 * the batch, not batch × tree size. Deltas the tree already includes are skipped; the old tree is
 * not changed. Throws, like applyTreeDelta, when a delta does not fit (the caller reloads).
 */
export function applyTreeDeltas(tree: Tree, deltas: readonly TreeDelta[]): Tree {
  let nodes: Record<string, Node> | undefined;
  let { session, seq } = tree;
  for (const delta of deltas) {
    if (delta.seq <= seq) continue;
    seq = delta.seq;
    switch (delta.kind) {
      case "node-added":
      case "node-updated": {
        const { node } = delta;
        if (node.sessionId !== tree.session.id) break;
        const current = nodes ?? tree.nodes;
        if (delta.kind === "node-added" && node.parentId !== undefined && !current[node.parentId]) {
          throw new Error(`tree delta ${delta.seq}: parent ${node.parentId} of node ${node.id} is not in the tree`);
        }
        if (delta.kind === "node-updated" && !current[node.id]) {
          throw new Error(`tree delta ${delta.seq}: updated node ${node.id} is not in the tree`);
        }
        nodes ??= { ...tree.nodes };
        nodes[node.id] = node;
        break;
      }
      case "session-updated":
        if (delta.session.id === tree.session.id) session = delta.session;
        break;
      default:
        return assertNever(delta, "tree delta");
    }
  }
  if (seq === tree.seq) return tree;
  return { session, nodes: nodes ?? tree.nodes, seq };
}
