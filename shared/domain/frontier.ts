import type { Node } from "./node.ts";
import type { Tree } from "./tree.ts";
import { byAge } from "./tree-navigation.ts";

/**
 * The nodes the search can expand next: scored leaves (a node with children was expanded
 * already). Pinned first, then by score (best first), then deeper first, then oldest.
 */
export function frontier(tree: Tree): Node[] {
  const parents = new Set<string>();
  for (const node of Object.values(tree.nodes)) if (node.parentId !== undefined) parents.add(node.parentId);
  return Object.values(tree.nodes)
    .filter((node) => node.state === "scored" && !parents.has(node.id))
    .sort(
      (a, b) =>
        Number(b.pinned) - Number(a.pinned) ||
        compareScores(b, a) ||
        b.depth - a.depth ||
        byAge(a, b),
    );
}

/** Orders by score value, an unscored node below any scored one. */
function compareScores(a: Node, b: Node): number {
  if (a.score === undefined || b.score === undefined) return Number(a.score !== undefined) - Number(b.score !== undefined);
  return a.score.value - b.score.value;
}
