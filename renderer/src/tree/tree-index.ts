/**
 * What the fork tree view needs to know about a tree at a glance: children in order, the best node,
 * the score range and the solutions. Built in O(n) once, then advanced in O(changed) per new tree
 * (after an O(n) identity scan): unchanged nodes are shared between tree versions, so a burst of
 * deltas costs the view what it changes, not the tree's size.
 */
import type { Node } from "../../../shared/domain/node.ts";
import type { NodeState } from "../../../shared/domain/node-state.ts";
import type { Tree } from "../../../shared/domain/tree.ts";
import { byAge } from "../../../shared/domain/tree-navigation.ts";

/** A tree with its nodes' children in order, its best node and score range, for layout and drawing. */
export interface TreeIndex {
  readonly tree: Tree;
  /** The number of nodes in the tree. */
  readonly size: number;
  /** The root node's id; undefined before the root is added. */
  readonly rootId: string | undefined;
  /** The children of each node that has any, oldest first (the order they are laid out in). */
  readonly childrenOf: ReadonlyMap<string, readonly Node[]>;
  /** The scored node with the highest score (the oldest among equals). */
  readonly bestId: string | undefined;
  /** The lowest and highest score of the scored nodes, for colouring by score. */
  readonly scoreRange: { readonly min: number; readonly max: number } | undefined;
  /** Nodes where the migration is done: scored, no target site left, every gate held. */
  readonly solutionIds: ReadonlySet<string>;
  /** How many nodes are in each state. */
  readonly stateCounts: Readonly<Record<NodeState, number>>;
}

/** What advancing an index changed: nodes added (the layout changes) and nodes whose state changed (filters may change). */
export interface IndexChange {
  readonly index: TreeIndex;
  readonly added: number;
  readonly stateChanged: number;
  /** Every node that is new or different, by id. */
  readonly changedIds: readonly string[];
  /** The index was rebuilt from scratch (another session, or nodes disappeared). */
  readonly rebuilt: boolean;
}

const noChildren: readonly Node[] = [];

/** Indexes a tree: one pass over its nodes, then each child list sorted by age. */
export function indexTree(tree: Tree): TreeIndex {
  const childrenOf = new Map<string, Node[]>();
  const solutionIds = new Set<string>();
  const stateCounts = noStates();
  let rootId: string | undefined;
  const ids = Object.keys(tree.nodes);
  const size = ids.length;
  for (let k = 0; k < size; k++) {
    const node = tree.nodes[ids[k]!]!;
    stateCounts[node.state]++;
    if (node.parentId === undefined) rootId = node.id;
    else {
      const siblings = childrenOf.get(node.parentId);
      if (siblings) siblings.push(node);
      else childrenOf.set(node.parentId, [node]);
    }
    if (isSolution(node)) solutionIds.add(node.id);
  }
  for (const siblings of childrenOf.values()) if (siblings.length > 1) sortByAge(siblings);
  return { tree, size, rootId, childrenOf, solutionIds, stateCounts, ...bestOf(tree) };
}

/**
 * Advances an index to a newer version of its tree. The old index must not be used afterwards
 * (its child lists are updated in place). Falls back to {@link indexTree} for another session or
 * when nodes disappeared (a reloaded tree).
 */
export function advanceTreeIndex(previous: TreeIndex, tree: Tree): IndexChange {
  if (tree === previous.tree) return { index: previous, added: 0, stateChanged: 0, changedIds: [], rebuilt: false };
  const rebuild = (): IndexChange => ({ index: indexTree(tree), added: 0, stateChanged: 0, changedIds: [], rebuilt: true });
  if (tree.session.id !== previous.tree.session.id) return rebuild();
  const before = previous.tree.nodes;
  const childrenOf = previous.childrenOf as Map<string, Node[]>;
  const solutionIds = previous.solutionIds as Set<string>;
  const stateCounts = { ...previous.stateCounts };
  const changedIds: string[] = [];
  let { rootId, bestId, scoreRange } = previous;
  let added = 0;
  let stateChanged = 0;
  let bestLost = false;
  // Object.keys and an indexed loop: several times faster than for…in on a large record
  const ids = Object.keys(tree.nodes);
  const size = ids.length;
  for (let k = 0; k < size; k++) {
    const id = ids[k]!;
    const node = tree.nodes[id]!;
    const old = before[id];
    if (old === node) continue;
    changedIds.push(id);
    stateCounts[node.state]++;
    if (old) stateCounts[old.state]--;
    if (!old) {
      added++;
      if (node.parentId === undefined) rootId = node.id;
      else insertByAge(childrenOf, node.parentId, node);
    } else {
      if (old.state !== node.state) stateChanged++;
      if (node.parentId !== undefined) replaceChild(childrenOf, node.parentId, node);
    }
    if (isSolution(node)) solutionIds.add(id);
    else solutionIds.delete(id);
    if (id === bestId && (node.state !== "scored" || !node.score || node.score.value < old!.score!.value)) bestLost = true;
    if (node.state === "scored" && node.score) {
      const value = node.score.value;
      scoreRange = scoreRange ? { min: Math.min(scoreRange.min, value), max: Math.max(scoreRange.max, value) } : { min: value, max: value };
      const best = bestId === undefined ? undefined : tree.nodes[bestId];
      if (!bestLost && (!best?.score || value > best.score.value || (value === best.score.value && byAge(node, best) < 0))) bestId = id;
    }
  }
  if (size !== previous.size + added) return rebuild();
  const best = bestLost ? bestOf(tree) : { bestId, scoreRange };
  return { index: { tree, size, rootId, childrenOf, solutionIds, stateCounts, ...best }, added, stateChanged, changedIds, rebuilt: false };
}

/** The children of a node in layout order (empty for a leaf). */
export function childrenIn(index: TreeIndex, id: string): readonly Node[] {
  return index.childrenOf.get(id) ?? noChildren;
}

/** Whether a node is a solution: scored, no target site left and every gate held. */
export function isSolution(node: Node): boolean {
  return node.state === "scored" && node.score !== undefined && node.score.sitesLeft === 0 && node.score.gatesHeld;
}

function noStates(): Record<NodeState, number> {
  return { pending: 0, checking: 0, scored: 0, invalid: 0, "failed-infra": 0, pruned: 0 };
}

function bestOf(tree: Tree): { bestId: string | undefined; scoreRange: { min: number; max: number } | undefined } {
  let best: Node | undefined;
  let min = Infinity;
  let max = -Infinity;
  for (const id in tree.nodes) {
    const node = tree.nodes[id]!;
    if (node.state !== "scored" || !node.score) continue;
    const value = node.score.value;
    if (value < min) min = value;
    if (value > max) max = value;
    if (!best || value > best.score!.value || (value === best.score!.value && byAge(node, best) < 0)) best = node;
  }
  return { bestId: best?.id, scoreRange: best ? { min, max } : undefined };
}

/** Adds a child to its parent's list, keeping the list oldest first (new nodes are usually the youngest). */
function insertByAge(childrenOf: Map<string, Node[]>, parentId: string, node: Node): void {
  const siblings = childrenOf.get(parentId);
  if (!siblings) {
    childrenOf.set(parentId, [node]);
    return;
  }
  let at = siblings.length;
  while (at > 0 && byAge(siblings[at - 1]!, node) > 0) at--;
  siblings.splice(at, 0, node);
}

function replaceChild(childrenOf: Map<string, Node[]>, parentId: string, node: Node): void {
  const siblings = childrenOf.get(parentId);
  const at = siblings?.findIndex((sibling) => sibling.id === node.id) ?? -1;
  if (siblings && at >= 0) siblings[at] = node;
}

/** Sorts siblings oldest first; they usually arrive in that order already, so check before sorting. */
function sortByAge(siblings: Node[]): void {
  for (let i = 1; i < siblings.length; i++) {
    if (byAge(siblings[i - 1]!, siblings[i]!) > 0) {
      siblings.sort(byAge);
      return;
    }
  }
}
