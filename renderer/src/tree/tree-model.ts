/**
 * The fork tree view's model outside React: the index, the visible forest and its layout, and the
 * animation between two layouts. A new tree costs O(changed) to index; the layout is redone (O(n))
 * only when the visible structure changed, and nodes then glide from where they were shown to their
 * new place while the view keeps one anchor node still, so live growth never makes the view jump.
 */
import type { Tree } from "../../../shared/domain/tree.ts";
import type { Node } from "../../../shared/domain/node.ts";
import { hiddenByFilters } from "./tree-filters.ts";
import type { TreeFilters } from "./tree-filters.ts";
import { levelX, rowY, worldRectOf } from "./tree-geometry.ts";
import type { Size, Viewport } from "./tree-geometry.ts";
import { geometry } from "./tree-geometry.ts";
import { advanceTreeIndex, indexTree } from "./tree-index.ts";
import type { TreeIndex } from "./tree-index.ts";
import { tidyLayout } from "./tidy-layout.ts";
import type { TidyLayout } from "./tidy-layout.ts";
import { visibleForest } from "./visible-forest.ts";

/** How long nodes glide to a new layout. */
export const glideMs = 220;

/** What shapes the visible forest besides the tree. */
export interface ViewOptions {
  readonly collapsed: ReadonlySet<string>;
  readonly filters: TreeFilters;
  /** Nodes kept visible whatever the filters say (the selection). */
  readonly keep: readonly (string | undefined)[];
}

/** See the module comment. */
export class TreeModel {
  index: TreeIndex | undefined;
  layout: TidyLayout | undefined;
  /** Final world positions of each visible node's box (left edge, vertical centre), by slot. */
  x = new Float64Array(0);
  y = new Float64Array(0);
  /** Where each node starts its glide, by slot. */
  private fromX = new Float64Array(0);
  private fromY = new Float64Array(0);
  /** 1 for nodes that appeared with this layout (they fade in). */
  fresh = new Uint8Array(0);
  private glideStart = -Infinity;
  /** The screen offset the pan glides away from (see anchoring in {@link relayout}). */
  private panFromX = 0;
  private panFromY = 0;
  /** Bumps on every relayout (for the minimap's cache and the hit layer). */
  layoutVersion = 0;
  /** Bumps whenever something drawn changed (a node's state, score, badges). */
  dataVersion = 0;
  private options: ViewOptions | undefined;
  private shownCache: { now: number; version: number; x: Float64Array; y: Float64Array } | undefined;
  private structureDirty = true;

  /** Takes a new version of the tree; returns whether anything changed. */
  setTree(tree: Tree | undefined): boolean {
    if (!tree) {
      const had = this.index !== undefined;
      this.index = undefined;
      this.structureDirty = had;
      return had;
    }
    if (this.index?.tree === tree) return false;
    if (!this.index) {
      this.index = indexTree(tree);
      this.structureDirty = true;
      this.dataVersion++;
      return true;
    }
    const change = advanceTreeIndex(this.index, tree);
    this.index = change.index;
    this.dataVersion++;
    const filtering = this.options !== undefined && (this.options.filters.hidePruned || this.options.filters.hideInvalid || this.options.filters.beamOnly);
    if (change.rebuilt || change.added > 0 || (change.stateChanged > 0 && filtering)) this.structureDirty = true;
    else if (this.layout) {
      // same shape: refresh the changed nodes in place
      const nodes = this.layout.forest.nodes as Node[];
      for (const id of change.changedIds) {
        const slot = this.layout.forest.slot.get(id);
        if (slot !== undefined) nodes[slot] = tree.nodes[id]!;
      }
    }
    return true;
  }

  /** Takes the collapsed set, filters and kept nodes; the layout is redone when they differ. */
  setOptions(options: ViewOptions): void {
    const old = this.options;
    this.options = options;
    if (!old || old.collapsed !== options.collapsed || old.filters !== options.filters) this.structureDirty = true;
    else if (filtering(options.filters) && (old.keep[0] !== options.keep[0] || old.keep[1] !== options.keep[1])) this.structureDirty = true;
  }

  /** Whether the layout must be redone before drawing. */
  get needsLayout(): boolean {
    return this.structureDirty;
  }

  /**
   * Redoes the layout. Nodes glide from where they are shown now; the node nearest the screen's
   * centre (or `anchorId` when it is on screen) keeps its place on screen: the returned viewport
   * is `view` moved by the difference, and the pan glides along with the nodes.
   */
  relayout(now: number, view: Viewport | undefined, size: Size, anchorId?: string): Viewport | undefined {
    this.structureDirty = false;
    const old = this.layout;
    const oldShown = old ? this.shownPositions(now) : undefined;
    const panShown = view ? this.shownPan(now, view) : undefined;
    const anchor = old && oldShown && panShown && view ? pickAnchor(old, oldShown, { ...view, ...panShown }, size, anchorId) : undefined;

    if (!this.index || !this.options) {
      this.layout = undefined;
      this.x = this.y = this.fromX = this.fromY = new Float64Array(0);
      this.fresh = new Uint8Array(0);
      this.layoutVersion++;
      return view;
    }
    const hidden = hiddenByFilters(this.index, this.options.filters, this.options.keep);
    const layout = tidyLayout(visibleForest(this.index, { collapsed: this.options.collapsed, hidden }));
    const n = layout.forest.nodes.length;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const fromX = new Float64Array(n);
    const fromY = new Float64Array(n);
    const fresh = new Uint8Array(n);
    const { depth, parent, nodes } = layout.forest;
    for (let s = 0; s < n; s++) {
      x[s] = levelX(depth[s]!);
      y[s] = rowY(layout.breadth[s]!);
      const was = old?.forest.slot.get(nodes[s]!.id);
      if (was !== undefined && oldShown) {
        fromX[s] = oldShown.x[was]!;
        fromY[s] = oldShown.y[was]!;
      } else if (old && parent[s]! >= 0) {
        // a new node grows out of its parent (parents come first in breadth-first order)
        fromX[s] = fromX[parent[s]!]!;
        fromY[s] = fromY[parent[s]!]!;
        fresh[s] = 1;
      } else {
        fromX[s] = x[s]!;
        fromY[s] = y[s]!;
        fresh[s] = old ? 1 : 0;
      }
    }
    Object.assign(this, { layout, x, y, fromX, fromY, fresh });
    this.layoutVersion++;
    this.dataVersion++;
    if (!old) {
      this.glideStart = -Infinity;
      return view;
    }
    this.glideStart = now;
    if (!view || !panShown) return view;
    const slot = anchor === undefined ? undefined : layout.forest.slot.get(anchor);
    if (slot === undefined) {
      this.panFromX = panShown.panX - view.panX;
      this.panFromY = panShown.panY - view.panY;
      return view;
    }
    // keep the anchor's screen position: final pan = shown pan + (shown position − final position) × zoom
    const panX = panShown.panX + (fromX[slot]! - x[slot]!) * view.zoom;
    const panY = panShown.panY + (fromY[slot]! - y[slot]!) * view.zoom;
    this.panFromX = panShown.panX - panX;
    this.panFromY = panShown.panY - panY;
    return { zoom: view.zoom, panX, panY };
  }

  /** How far the glide is, eased: 0 at its start, 1 when done. */
  progress(now: number): number {
    const t = Math.min(1, Math.max(0, (now - this.glideStart) / glideMs));
    return 1 - (1 - t) ** 3;
  }

  /** Whether nodes are still gliding (the view must draw again next frame). */
  gliding(now: number): boolean {
    return now - this.glideStart < glideMs;
  }

  /** Where node `slot` is shown now (world). */
  shownX(slot: number, e: number): number {
    return this.x[slot]! + (this.fromX[slot]! - this.x[slot]!) * (1 - e);
  }
  shownY(slot: number, e: number): number {
    return this.y[slot]! + (this.fromY[slot]! - this.y[slot]!) * (1 - e);
  }

  /** The pan shown now: the viewport's pan plus what is left of the anchoring glide. */
  shownPan(now: number, view: Viewport): { panX: number; panY: number } {
    const rest = 1 - this.progress(now);
    return { panX: view.panX + this.panFromX * rest, panY: view.panY + this.panFromY * rest };
  }

  /**
   * Every visible node's position as shown at `now` (world): the final positions once the glide
   * is over, else computed once per frame for all nodes (drawing reads arrays, not a method per node).
   */
  shownPositions(now: number): { x: Float64Array; y: Float64Array } {
    const e = this.progress(now);
    if (e >= 1) return { x: this.x, y: this.y };
    if (this.shownCache?.now === now && this.shownCache.version === this.layoutVersion) return this.shownCache;
    const n = this.x.length;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const rest = 1 - e;
    for (let s = 0; s < n; s++) {
      x[s] = this.x[s]! + (this.fromX[s]! - this.x[s]!) * rest;
      y[s] = this.y[s]! + (this.fromY[s]! - this.y[s]!) * rest;
    }
    this.shownCache = { now, version: this.layoutVersion, x, y };
    return this.shownCache;
  }

  /** The visible slot whose box holds a world point, if any: the point's level, then a binary search down it. */
  slotAt(worldX: number, worldY: number, slack = 0): number | undefined {
    const layout = this.layout;
    if (!layout) return undefined;
    const level = Math.floor(worldX / geometry.levelGap);
    if (level < 0 || level > layout.levels || worldX - levelX(level) > geometry.nodeWidth + slack) return undefined;
    let low = layout.levelStart[level]!;
    let high = layout.levelStart[level + 1]! - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.y[mid]! < worldY) low = mid + 1;
      else high = mid;
    }
    for (const s of [low - 1, low]) {
      if (s >= layout.levelStart[level]! && s < layout.levelStart[level + 1]! && Math.abs(worldY - this.y[s]!) <= geometry.nodeHeight / 2 + slack) return s;
    }
    return undefined;
  }
}

function filtering(filters: TreeFilters): boolean {
  return filters.hidePruned || filters.hideInvalid || filters.beamOnly;
}

/** The anchor node: `preferred` when it is on screen, else the node shown nearest the screen's centre. */
function pickAnchor(layout: TidyLayout, shown: { x: Float64Array; y: Float64Array }, view: Viewport, size: Size, preferred?: string): string | undefined {
  const rect = worldRectOf(view, size);
  const preferredSlot = preferred === undefined ? undefined : layout.forest.slot.get(preferred);
  if (preferredSlot !== undefined) {
    const px = shown.x[preferredSlot]!;
    const py = shown.y[preferredSlot]!;
    if (px >= rect.x && px <= rect.x + rect.width && py >= rect.y && py <= rect.y + rect.height) return preferred;
  }
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  let best: number | undefined;
  let bestDistance = Infinity;
  for (let s = 0; s < shown.x.length; s++) {
    const d = (shown.x[s]! + geometry.nodeWidth / 2 - cx) ** 2 + (shown.y[s]! - cy) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = s;
    }
  }
  return best === undefined ? undefined : layout.forest.nodes[best]!.id;
}
