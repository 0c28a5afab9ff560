/** The part of a fork tree the view shows: the tree minus collapsed subtrees and filtered nodes, numbered for layout. */
import type { Node } from "../../../shared/domain/node.ts";
import { childrenIn } from "./tree-index.ts";
import type { TreeIndex } from "./tree-index.ts";

/**
 * The visible nodes in breadth-first order: index 0 is the root, the children of a node are the
 * contiguous range `firstKid .. firstKid + kidCount - 1`, and every depth is one contiguous range
 * ordered top to bottom. Typed arrays, so a 10,000-node layout allocates a handful of objects.
 */
export interface VisibleForest {
  readonly nodes: readonly Node[];
  /** The index of each node's parent; -1 for the root. */
  readonly parent: Int32Array;
  readonly firstKid: Int32Array;
  readonly kidCount: Int32Array;
  readonly depth: Int32Array;
  /** How many descendants a collapsed node hides (0 for nodes that are not collapsed). */
  readonly hiddenBelow: Int32Array;
  /** Node id → its index. */
  readonly slot: ReadonlyMap<string, number>;
}

/** Which nodes to leave out: subtrees the user collapsed and nodes a filter hides. */
export interface ForestOptions {
  readonly collapsed: ReadonlySet<string>;
  /** Whether a node (and so its whole subtree) is hidden by the filters. */
  readonly hidden?: (node: Node) => boolean;
}

/** Builds the visible forest in one breadth-first pass from the root (empty when the tree has no root yet). */
export function visibleForest(index: TreeIndex, options: ForestOptions): VisibleForest {
  const root = index.rootId === undefined ? undefined : index.tree.nodes[index.rootId];
  const nodes: Node[] = root ? [root] : [];
  const capacity = index.size;
  const parent = new Int32Array(capacity).fill(-1);
  const firstKid = new Int32Array(capacity);
  const kidCount = new Int32Array(capacity);
  const depth = new Int32Array(capacity);
  const hiddenBelow = new Int32Array(capacity);
  const slot = new Map<string, number>();
  if (root) slot.set(root.id, 0);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    firstKid[i] = nodes.length;
    const kids = childrenIn(index, node.id);
    if (kids.length === 0) continue;
    if (options.collapsed.has(node.id)) {
      hiddenBelow[i] = countDescendants(index, node.id);
      continue;
    }
    for (const kid of kids) {
      if (options.hidden?.(kid)) continue;
      const k = nodes.length;
      nodes.push(kid);
      slot.set(kid.id, k);
      parent[k] = i;
      depth[k] = depth[i]! + 1;
    }
    kidCount[i] = nodes.length - firstKid[i]!;
  }
  const n = nodes.length;
  return {
    nodes,
    parent: parent.subarray(0, n),
    firstKid: firstKid.subarray(0, n),
    kidCount: kidCount.subarray(0, n),
    depth: depth.subarray(0, n),
    hiddenBelow: hiddenBelow.subarray(0, n),
    slot,
  };
}

/** The number of nodes below a node in the whole tree. */
export function countDescendants(index: TreeIndex, id: string): number {
  let count = 0;
  const stack = [id];
  while (stack.length > 0) {
    for (const kid of childrenIn(index, stack.pop()!)) {
      count++;
      stack.push(kid.id);
    }
  }
  return count;
}
