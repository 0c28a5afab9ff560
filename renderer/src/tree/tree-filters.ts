/** The fork tree's filters: what each hides, and the nodes that make up the beam. */
import type { Node } from "../../../shared/domain/node.ts";
import { childrenIn } from "./tree-index.ts";
import type { TreeIndex } from "./tree-index.ts";

/** Which nodes the view hides. A hidden node hides its subtree too. */
export interface TreeFilters {
  /** Hide nodes the search or the user dropped. */
  readonly hidePruned: boolean;
  /** Hide nodes whose edits or gates failed, and those the infrastructure failed. */
  readonly hideInvalid: boolean;
  /** Show only the search's path: see {@link beamIds}. */
  readonly beamOnly: boolean;
}

/** No filter: every node shown. */
export const noFilters: TreeFilters = { hidePruned: false, hideInvalid: false, beamOnly: false };

/**
 * The beam and what led to it: every node the search expanded (it has children), the nodes in
 * flight (pending, checking), the pinned ones, and the best scored leaves up to the widest beam
 * seen so far (the most nodes expanded at one depth), plus their ancestors.
 */
export function beamIds(index: TreeIndex): Set<string> {
  const keep = new Set<string>();
  const expandedAtDepth = new Map<number, number>();
  const leaves: Node[] = [];
  const { nodes } = index.tree;
  for (const id in nodes) {
    const node = nodes[id]!;
    if (childrenIn(index, id).length > 0) {
      keep.add(id);
      expandedAtDepth.set(node.depth, (expandedAtDepth.get(node.depth) ?? 0) + 1);
    } else if (node.state === "pending" || node.state === "checking" || node.pinned) keep.add(id);
    else if (node.state === "scored") leaves.push(node);
  }
  const width = Math.max(1, ...expandedAtDepth.values());
  leaves.sort((a, b) => (b.score?.value ?? -Infinity) - (a.score?.value ?? -Infinity) || b.depth - a.depth);
  for (const leaf of leaves.slice(0, width)) keep.add(leaf.id);
  for (const id of [...keep]) addAncestors(index, id, keep);
  return keep;
}

/**
 * The predicate the visible forest uses, or undefined when nothing is filtered. `keep` nodes (the
 * selection) and their ancestors stay visible whatever the filters say.
 */
export function hiddenByFilters(index: TreeIndex, filters: TreeFilters, keep: readonly (string | undefined)[]): ((node: Node) => boolean) | undefined {
  if (!filters.hidePruned && !filters.hideInvalid && !filters.beamOnly) return undefined;
  const kept = new Set<string>();
  for (const id of keep) if (id !== undefined && index.tree.nodes[id]) addAncestors(index, id, kept.add(id));
  const beam = filters.beamOnly ? beamIds(index) : undefined;
  return (node) => {
    if (kept.has(node.id)) return false;
    if (filters.hidePruned && node.state === "pruned") return true;
    if (filters.hideInvalid && (node.state === "invalid" || node.state === "failed-infra")) return true;
    return beam !== undefined && !beam.has(node.id);
  };
}

function addAncestors(index: TreeIndex, id: string, into: Set<string>): void {
  let parentId = index.tree.nodes[id]?.parentId;
  while (parentId !== undefined && !into.has(parentId)) {
    into.add(parentId);
    parentId = index.tree.nodes[parentId]?.parentId;
  }
}
