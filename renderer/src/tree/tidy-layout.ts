/**
 * A tidy tree layout in linear time (Buchheim, Jünger and Leipert's improvement of Walker's
 * algorithm): subtrees never overlap, a parent sits midway between its first and last child,
 * identical subtrees get identical shapes, and a subtree is packed as close to its left neighbour
 * as its contour allows, so beam-search trees (a few deep lines among many short dead ends) stay
 * compact. It runs without recursion over the breadth-first arrays of a {@link VisibleForest}:
 * levels bottom-up, each level left to right, which is the order the recursive first walk needs.
 */
import type { VisibleForest } from "./visible-forest.ts";

/** Where each visible node goes: `breadth` across the tree (in row units, from 0), depth is the node's level. */
export interface TidyLayout {
  readonly forest: VisibleForest;
  /** The across-the-tree position of each node, in rows; the smallest is 0. */
  readonly breadth: Float64Array;
  /** The largest breadth (the tree spans 0 … rows). */
  readonly rows: number;
  /** The deepest level shown. */
  readonly levels: number;
  /** Where each level starts among the slots (level d is `levelStart[d] .. levelStart[d + 1] - 1`, top to bottom). */
  readonly levelStart: Int32Array;
}

/** Gaps between neighbours on one level, in rows: siblings, and nodes of different parents. */
export interface Separation {
  readonly siblings: number;
  readonly cousins: number;
}

const defaultSeparation: Separation = { siblings: 1, cousins: 1.5 };

/** Lays a visible forest out; O(n) time and memory. */
export function tidyLayout(forest: VisibleForest, separation: Separation = defaultSeparation): TidyLayout {
  const { parent, firstKid, kidCount, depth } = forest;
  const n = forest.nodes.length;
  const prelim = new Float64Array(n);
  const mod = new Float64Array(n);
  const shift = new Float64Array(n);
  const change = new Float64Array(n);
  const thread = new Int32Array(n).fill(-1);
  const ancestor = new Int32Array(n);
  const defaultAncestor = new Int32Array(n);
  for (let i = 0; i < n; i++) ancestor[i] = i;

  const gap = (a: number, b: number) => (parent[a] === parent[b] ? separation.siblings : separation.cousins);
  const nextLeft = (v: number) => (kidCount[v]! > 0 ? firstKid[v]! : thread[v]!);
  const nextRight = (v: number) => (kidCount[v]! > 0 ? firstKid[v]! + kidCount[v]! - 1 : thread[v]!);
  const firstSibling = (v: number) => (parent[v]! < 0 ? v : firstKid[parent[v]!]!);

  function moveSubtree(wm: number, wp: number, amount: number): void {
    // wm and wp are siblings and siblings are contiguous, so wp - wm counts the subtrees between
    const perSubtree = amount / (wp - wm);
    change[wp]! -= perSubtree;
    shift[wp]! += amount;
    change[wm]! += perSubtree;
    prelim[wp]! += amount;
    mod[wp]! += amount;
  }

  function executeShifts(v: number): void {
    let moved = 0;
    let changed = 0;
    for (let w = firstKid[v]! + kidCount[v]! - 1; w >= firstKid[v]!; w--) {
      prelim[w]! += moved;
      mod[w]! += moved;
      changed += change[w]!;
      moved += shift[w]! + changed;
    }
  }

  /** Pushes v's subtree right until it clears every subtree to its left; returns the new default ancestor. */
  function apportion(v: number, fallback: number): number {
    const first = firstSibling(v);
    if (v === first) return fallback;
    let vip = v;
    let vop = v;
    let vim = v - 1;
    let vom = first;
    let sip = mod[vip]!;
    let sop = mod[vop]!;
    let sim = mod[vim]!;
    let som = mod[vom]!;
    for (let right = nextRight(vim), left = nextLeft(vip); right >= 0 && left >= 0; right = nextRight(vim), left = nextLeft(vip)) {
      vim = right;
      vip = left;
      vom = nextLeft(vom);
      vop = nextRight(vop);
      ancestor[vop] = v;
      const amount = prelim[vim]! + sim - (prelim[vip]! + sip) + gap(vim, vip);
      if (amount > 0) {
        const a = ancestor[vim]!;
        moveSubtree(parent[a] === parent[v] ? a : fallback, v, amount);
        sip += amount;
        sop += amount;
      }
      sim += mod[vim]!;
      sip += mod[vip]!;
      som += mod[vom]!;
      sop += mod[vop]!;
    }
    if (nextRight(vim) >= 0 && nextRight(vop) < 0) {
      thread[vop] = nextRight(vim);
      mod[vop]! += sim - sop;
    }
    if (nextLeft(vip) >= 0 && nextLeft(vom) < 0) {
      thread[vom] = nextLeft(vip);
      mod[vom]! += sip - som;
      return v;
    }
    return fallback;
  }

  // first walk: deepest level first, each level left to right
  let levels = 0;
  for (let i = 0; i < n; i++) if (depth[i]! > levels) levels = depth[i]!;
  let end = n;
  while (end > 0) {
    let start = end - 1;
    while (start > 0 && depth[start - 1] === depth[end - 1]) start--;
    for (let v = start; v < end; v++) {
      const isFirst = v === firstSibling(v);
      if (kidCount[v]! === 0) prelim[v] = isFirst ? 0 : prelim[v - 1]! + gap(v - 1, v);
      else {
        executeShifts(v);
        const midpoint = (prelim[firstKid[v]!]! + prelim[firstKid[v]! + kidCount[v]! - 1]!) / 2;
        if (isFirst) prelim[v] = midpoint;
        else {
          prelim[v] = prelim[v - 1]! + gap(v - 1, v);
          mod[v] = prelim[v]! - midpoint;
        }
      }
      if (parent[v]! >= 0) {
        if (isFirst) defaultAncestor[parent[v]!] = v;
        defaultAncestor[parent[v]!] = apportion(v, defaultAncestor[parent[v]!]!);
      }
    }
    end = start;
  }

  // second walk: top-down, each node's position is its prelim plus its ancestors' modifiers
  const breadth = new Float64Array(n);
  const offset = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  if (n > 0) offset[0] = -prelim[0]!;
  for (let v = 0; v < n; v++) {
    breadth[v] = prelim[v]! + offset[v]!;
    if (breadth[v]! < min) min = breadth[v]!;
    if (breadth[v]! > max) max = breadth[v]!;
    for (let k = firstKid[v]!; k < firstKid[v]! + kidCount[v]!; k++) offset[k] = offset[v]! + mod[v]!;
  }
  if (n > 0) for (let v = 0; v < n; v++) breadth[v]! -= min;
  const levelStart = new Int32Array(levels + 2).fill(n);
  for (let v = n - 1; v >= 0; v--) levelStart[depth[v]!] = v;
  if (n === 0) levelStart.fill(0);
  return { forest, breadth, rows: n > 0 ? max - min : 0, levels, levelStart };
}
