import type { Node } from "./node.ts";
import type { Tree } from "./tree.ts";

/** The node with this id; throws when the tree has none (a stale id is a bug, not a user error). */
export function nodeOf(tree: Tree, id: string): Node {
  const node = tree.nodes[id];
  if (!node) throw new Error(`node ${id} is not in the tree of session ${tree.session.id}`);
  return node;
}

/** The root node, or undefined before it is added. */
export function rootOf(tree: Tree): Node | undefined {
  return Object.values(tree.nodes).find((node) => node.parentId === undefined);
}

/** The ancestors of a node, nearest first, ending with the root (empty for the root). */
export function ancestors(tree: Tree, id: string): Node[] {
  const result: Node[] = [];
  let parentId = nodeOf(tree, id).parentId;
  while (parentId !== undefined) {
    const parent = nodeOf(tree, parentId);
    result.push(parent);
    parentId = parent.parentId;
  }
  return result;
}

/** The direct children of a node, oldest first. */
export function children(tree: Tree, id: string): Node[] {
  return Object.values(tree.nodes)
    .filter((node) => node.parentId === id)
    .sort(byAge);
}

/** Every node below a node (not the node itself), level by level, oldest first within a level. */
export function descendants(tree: Tree, id: string): Node[] {
  const byParent = new Map<string, Node[]>();
  for (const node of Object.values(tree.nodes)) {
    if (node.parentId === undefined) continue;
    const siblings = byParent.get(node.parentId) ?? [];
    siblings.push(node);
    byParent.set(node.parentId, siblings);
  }
  const result: Node[] = [];
  let level = [nodeOf(tree, id)];
  while (level.length > 0) {
    const next = level.flatMap((node) => (byParent.get(node.id) ?? []).sort(byAge));
    result.push(...next);
    level = next;
  }
  return result;
}

/** Oldest first; the id breaks ties so the order is the same on every machine. */
export function byAge(a: Node, b: Node): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
