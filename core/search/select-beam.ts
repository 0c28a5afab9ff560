import type { Node } from "../../shared/domain/node.ts";
import type { Tree } from "../../shared/domain/tree.ts";
import { lineageKey } from "./node-seed.ts";

/**
 * True when the search already expanded the node: it has a child from a generator that was not
 * asked for by the user (a hint or a manual edit does not count), so expansion happens once.
 */
export function isExpanded(tree: Tree, nodeId: string): boolean {
  return Object.values(tree.nodes).some(
    (node) => node.parentId === nodeId && (node.hypothesis.kind === "recipe" || (node.hypothesis.kind === "llm" && node.hypothesis.hint === undefined)),
  );
}

/** Orders nodes best first: pinned, score, votes, depth, then the lineage (never the random id). */
export function compareNodes(tree: Tree): (a: Node, b: Node) => number {
  const keys = new Map<string, string>();
  const key = (node: Node) => {
    let value = keys.get(node.id);
    if (value === undefined) keys.set(node.id, (value = lineageKey(tree, node.id)));
    return value;
  };
  return (a, b) =>
    Number(b.pinned) - Number(a.pinned) ||
    (b.score?.value ?? -Infinity) - (a.score?.value ?? -Infinity) ||
    b.votes - a.votes ||
    b.depth - a.depth ||
    (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * The nodes to expand next: scored nodes the search has not expanded, below `maxDepth`; every
 * pinned one, then the best up to `width`. Pruned and invalid nodes are never chosen, nor those in
 * `skip` (no generator had a hypothesis for them).
 */
export function selectBeam(tree: Tree, width: number, maxDepth: number, skip: ReadonlySet<string> = new Set()): Node[] {
  const candidates = Object.values(tree.nodes)
    .filter((node) => node.state === "scored" && node.depth < maxDepth && !skip.has(node.id) && !isExpanded(tree, node.id))
    .sort(compareNodes(tree));
  const pinned = candidates.filter((node) => node.pinned);
  const rest = candidates.filter((node) => !node.pinned).slice(0, Math.max(0, width - pinned.length));
  return [...pinned, ...rest];
}
