import { assertNever } from "../assert-never.ts";
import type { Tree } from "./tree.ts";
import type { TreeDelta } from "./tree-delta.ts";

/**
 * Advances a tree by one delta, returning a new tree (the old one is not changed; unchanged
 * nodes are shared). A delta the tree already includes (seq ≤ tree.seq) returns the tree as it
 * is; one of another session only advances seq, so a subscriber may feed it the whole log.
 * Throws when the delta does not fit (a node's parent or the updated node is missing): the
 * subscriber missed events and must reload the tree.
 */
export function applyTreeDelta(tree: Tree, delta: TreeDelta): Tree {
  if (delta.seq <= tree.seq) return tree;
  switch (delta.kind) {
    case "node-added":
    case "node-updated": {
      const { node } = delta;
      if (node.sessionId !== tree.session.id) return { ...tree, seq: delta.seq };
      if (delta.kind === "node-added" && node.parentId !== undefined && !tree.nodes[node.parentId]) {
        throw new Error(`tree delta ${delta.seq}: parent ${node.parentId} of node ${node.id} is not in the tree`);
      }
      if (delta.kind === "node-updated" && !tree.nodes[node.id]) {
        throw new Error(`tree delta ${delta.seq}: updated node ${node.id} is not in the tree`);
      }
      return { ...tree, nodes: { ...tree.nodes, [node.id]: node }, seq: delta.seq };
    }
    case "session-updated":
      if (delta.session.id !== tree.session.id) return { ...tree, seq: delta.seq };
      return { ...tree, session: delta.session, seq: delta.seq };
    default:
      return assertNever(delta, "tree delta");
  }
}
