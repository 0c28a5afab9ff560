import type { Tree } from "./tree.ts";

/** One point of a session's progress: at this time, the best node found had this many target sites left. */
export interface SitesPoint {
  /** Epoch milliseconds. */
  at: number;
  sitesLeft: number;
}

/**
 * The fewest target sites left by any acceptable node (scored with every gate held, or the root)
 * over time: a step series, one point each time the best so far improved, ordered by time. A
 * node counts from when it was scored (updatedAt), even if pruned later: the progress was made.
 * Empty until some node has a score.
 */
export function sitesOverTime(tree: Tree): SitesPoint[] {
  const scored: SitesPoint[] = [];
  for (const node of Object.values(tree.nodes)) {
    if (!node.score) continue;
    const isRoot = node.parentId === undefined;
    if (!isRoot && (!node.score.gatesHeld || node.state === "invalid" || node.state === "failed-infra")) continue;
    scored.push({ at: node.updatedAt, sitesLeft: node.score.sitesLeft });
  }
  scored.sort((a, b) => a.at - b.at || b.sitesLeft - a.sitesLeft);
  const points: SitesPoint[] = [];
  for (const point of scored) {
    const best = points.at(-1);
    if (best === undefined || point.sitesLeft < best.sitesLeft) points.push(point);
  }
  return points;
}
