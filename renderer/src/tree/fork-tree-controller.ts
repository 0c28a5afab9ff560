/**
 * The fork tree's imperative side: one animation frame at a time it takes the newest tree and view
 * options, redoes the layout when the visible structure changed, paints the canvas and the minimap,
 * and hands the hit layer the nodes near the screen. Many tree versions within one frame cost one
 * update; nothing here renders 10,000 React elements.
 */
import type { Tree } from "../../../shared/domain/tree.ts";
import { useStudio } from "../store/studio-store.ts";
import { findNodes } from "./find-nodes.ts";
import { moveInForest } from "./navigate-forest.ts";
import type { TreeMove } from "./navigate-forest.ts";
import { boxInside, fitView, geometry, layoutBounds, placeAt, readableZoom, worldRectOf, zoomAt } from "./tree-geometry.ts";
import type { Size, Viewport } from "./tree-geometry.ts";
import { minimapFrame, minimapScale, paintMinimapNodes } from "./tree-minimap.ts";
import { TreeModel } from "./tree-model.ts";
import { paintTree } from "./tree-painter.ts";

/** A node the hit layer renders as a DOM element (for clicks, tests and assistive technology). */
export interface HitItem {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly state: string;
  readonly level: number;
  readonly label: string;
  readonly selected: boolean;
  readonly compare: boolean;
  readonly collapsed: boolean;
}

/** What the controller needs from the component's props. */
export interface ControllerInputs {
  readonly tree: Tree | undefined;
  readonly selectedId: string | undefined;
  readonly compareId: string | undefined;
}

/** Below this zoom there are no DOM nodes: clicks are found on the canvas instead. */
const hitZoom = 0.3;
/** More DOM nodes than this near the screen and the hit layer stands down too. */
const hitCap = 1500;
/** The legend's width with its margin (nodes under it get no DOM element). */
const legendWidth = 310;
/** The minimap's node layer is repainted at most this often during a burst. */
const minimapEveryMs = 500;
/**
 * While the tree keeps changing, its layout is redone at most every 100 ms, and less often when a
 * layout is slow (a 10,000-node tree on a busy machine): it may take a fifth of the time at most.
 * Frames in between only repaint (nodes glide, the view pans), so a burst of deltas keeps the
 * frame rate up while the tree still visibly grows several times a second.
 */
const relayoutEveryMs = 100;
const relayoutShare = 0.2;

/** See the module comment. */
export class ForkTreeController {
  readonly model = new TreeModel();
  canvas: HTMLCanvasElement | undefined;
  minimap: HTMLCanvasElement | undefined;
  /** The minimap's frame of what the main view shows (moved with a transform, not repainted). */
  minimapFrame: HTMLDivElement | undefined;
  hitLayer: HTMLDivElement | undefined;
  size: Size = { width: 0, height: 0 };
  minimapSize: Size = { width: 200, height: 130 };
  inputs: ControllerInputs = { tree: undefined, selectedId: undefined, compareId: undefined };
  hoverId: string | undefined;
  /** Called with the hit layer's new items when they change. */
  onHitItems: (items: HitItem[]) => void = () => {};
  /** Called with the find box's matches (ids, oldest first) when they change. */
  onMatches: (ids: string[]) => void = () => {};
  /** Called with the tree's counts when they change. */
  onCounts: (counts: { nodes: number; shown: number; checking: number }) => void = () => {};
  private countsKey = "";
  private frame = 0;
  private hitKey = "";
  private hitItems: HitItem[] = [];
  private matchKey: unknown[] = [];
  private matches = new Set<string>();
  private minimapPainted = { version: -1, at: -Infinity };
  private sessionId: string | undefined;
  private nextLayoutAt = -Infinity;
  private revealPending: string | undefined;
  /** The viewport this controller last chose itself while following the tree (see {@link following}). */
  private autoViewport: Viewport | undefined;

  /** Asks for a frame (many calls before it comes cost one frame). */
  request = (): void => {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.tick);
  };

  /** Stops the frame loop (on unmount). */
  dispose(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private get view() {
    return useStudio.getState().treeView;
  }

  private tick = (now: number): void => {
    this.frame = 0;
    const state = useStudio.getState();
    const { tree, selectedId, compareId } = this.inputs;
    if (tree?.session.id !== this.sessionId) {
      this.sessionId = tree?.session.id;
      if (this.view.viewport) state.setViewport(undefined);
    }
    this.model.setTree(tree);
    this.model.setOptions({ collapsed: this.view.collapsed, filters: this.view.filters, keep: [selectedId, compareId] });
    if (this.size.width === 0) return;
    if (this.model.needsLayout && now < this.nextLayoutAt && this.view.viewport) this.request();
    else if (this.model.needsLayout) {
      const started = performance.now();
      const anchored = this.model.relayout(now, this.view.viewport, this.size, selectedId);
      this.nextLayoutAt = now + Math.max(relayoutEveryMs, (performance.now() - started) / relayoutShare);
      const next = this.following() ? this.followView(anchored) : anchored;
      if (next && next !== this.view.viewport) state.setViewport(next);
    }
    if (this.revealPending !== undefined && this.model.layout?.forest.slot.has(this.revealPending)) {
      const id = this.revealPending;
      this.revealPending = undefined;
      this.scrollIntoView(id);
    }
    this.updateMatches(tree);
    this.updateCounts();
    const viewport = this.view.viewport;
    if (!viewport) return;
    const shown = { ...viewport, ...this.model.shownPan(now, viewport) };
    const dpr = window.devicePixelRatio || 1;
    const ctx = this.canvas?.getContext("2d");
    if (ctx) paintTree(ctx, this.model, shown, this.size, dpr, now, { selectedId, compareId, hoverId: this.hoverId, matches: this.matches });
    this.paintMinimap(now, shown, dpr);
    if (this.hitLayer) this.hitLayer.style.transform = `translate(${viewport.panX}px, ${viewport.panY}px) scale(${viewport.zoom})`;
    this.updateHitItems(viewport);
    if (this.model.gliding(now)) this.request();
  };

  /** Whether the view still follows the tree as it grows: nobody moved it since it was placed automatically. */
  private following(): boolean {
    return this.view.viewport === undefined || this.view.viewport === this.autoViewport;
  }

  /**
   * The view while it follows a growing tree: the whole tree while it fits readably (a live search
   * stays in sight without pressing Fit), else the first view once and then the anchored one.
   */
  private followView(anchored: Viewport | undefined): Viewport | undefined {
    const first = this.view.viewport === undefined;
    const layout = this.model.layout;
    const fit = layout && layout.forest.nodes.length > 0 ? fitView(layoutBounds(layout.rows, layout.levels), this.size) : undefined;
    const next = fit && fit.zoom >= 0.6 ? fit : first ? this.initialView() : anchored;
    this.autoViewport = fit && fit.zoom >= 0.6 ? next : undefined;
    return next;
  }

  /** The first view of a tree: all of it when it fits readably, else its best node (or root) in the middle at a readable zoom. */
  private initialView(): Viewport | undefined {
    const layout = this.model.layout;
    const index = this.model.index;
    if (!layout || !index || layout.forest.nodes.length === 0) return undefined;
    const fit = fitView(layoutBounds(layout.rows, layout.levels), this.size);
    if (fit.zoom >= 0.6) return fit;
    const focus = this.inputs.selectedId ?? index.bestId ?? index.rootId;
    const slot = (focus === undefined ? undefined : layout.forest.slot.get(focus)) ?? 0;
    // right of centre: the node's ancestors, the path that led to it, take the rest of the width
    return placeAt({ x: this.model.x[slot]! + geometry.nodeWidth / 2, y: this.model.y[slot]! }, { x: this.size.width * 0.62, y: this.size.height / 2 }, readableZoom);
  }

  private updateCounts(): void {
    const index = this.model.index;
    const counts = { nodes: index?.size ?? 0, shown: this.model.layout?.forest.nodes.length ?? 0, checking: index?.stateCounts.checking ?? 0 };
    const key = `${counts.nodes}|${counts.shown}|${counts.checking}`;
    if (key === this.countsKey) return;
    this.countsKey = key;
    this.onCounts(counts);
  }

  private updateMatches(tree: Tree | undefined): void {
    const query = this.view.findQuery;
    const key = [tree, query];
    if (key[0] === this.matchKey[0] && key[1] === this.matchKey[1]) return;
    this.matchKey = key;
    const found = tree && query.trim() ? findNodes(tree, query).map((node) => node.id) : [];
    this.matches = new Set(found);
    this.onMatches(found);
  }

  /** Repaints the minimap's nodes when they changed (at most every {@link minimapEveryMs} during a burst) and moves its frame. */
  private paintMinimap(now: number, shown: Viewport, dpr: number): void {
    const ctx = this.minimap?.getContext("2d");
    if (!ctx) return;
    if (this.minimapPainted.version !== this.model.dataVersion) {
      if (now - this.minimapPainted.at >= minimapEveryMs) {
        paintMinimapNodes(ctx, this.model, this.minimapSize, dpr);
        this.minimapPainted = { version: this.model.dataVersion, at: now };
      } else this.request();
    }
    const frame = minimapFrame(this.model, this.minimapSize, worldRectOf(shown, this.size));
    if (this.minimapFrame) {
      this.minimapFrame.style.transform = `translate(${frame.x}px, ${frame.y}px)`;
      this.minimapFrame.style.width = `${frame.width}px`;
      this.minimapFrame.style.height = `${frame.height}px`;
    }
  }

  /**
   * Gives the hit layer the nodes whose centre is on screen and not under the minimap or the
   * legend, so every node element in the DOM can be clicked where it is. The list is rebuilt each
   * frame the view or the tree changed (a scan of typed arrays) and handed to React only when it
   * differs.
   */
  private updateHitItems(view: Viewport): void {
    const layout = this.model.layout;
    const { selectedId, compareId } = this.inputs;
    const key = `${this.model.dataVersion}|${view.panX}|${view.panY}|${view.zoom}|${selectedId}|${compareId}|${this.size.width}|${this.size.height}|${this.view.legendOpen}`;
    if (key === this.hitKey) return;
    this.hitKey = key;
    const items: HitItem[] = [];
    if (layout && view.zoom >= hitZoom) {
      const { nodes, depth, hiddenBelow } = layout.forest;
      const { width, height } = this.size;
      const covered = (cx: number, cy: number) =>
        (cx >= width - this.minimapSize.width - 12 && cy >= height - this.minimapSize.height - 12) || (this.view.legendOpen && cx >= width - legendWidth);
      const half = (geometry.nodeWidth / 2) * view.zoom;
      for (let s = 0; s < nodes.length; s++) {
        const cx = this.model.x[s]! * view.zoom + view.panX + half;
        const cy = this.model.y[s]! * view.zoom + view.panY;
        if (cx < 0 || cy < 0 || cx > width || cy > height || covered(cx, cy)) continue;
        const node = nodes[s]!;
        items.push({
          id: node.id,
          x: this.model.x[s]!,
          y: this.model.y[s]!,
          state: node.state,
          level: depth[s]! + 1,
          label: `${node.id.slice(0, 8)} ${node.state}${node.score ? ` score ${node.score.value.toFixed(3)}, ${node.score.sitesLeft} sites left` : ""}${node.reason ? `: ${node.reason}` : ""}`,
          selected: node.id === selectedId,
          compare: node.id === compareId,
          collapsed: hiddenBelow[s]! > 0,
        });
        if (items.length > hitCap) {
          items.length = 0;
          break;
        }
      }
    }
    if (sameItems(items, this.hitItems)) return;
    this.hitItems = items;
    this.onHitItems(items);
  }

  // ——— view actions ———

  /** Shows the whole tree. */
  fit(): void {
    const layout = this.model.layout;
    if (!layout || this.size.width === 0) return;
    useStudio.getState().setViewport(fitView(layoutBounds(layout.rows, layout.levels), this.size, 24, 1.5));
  }

  /** Puts a node in the middle of the screen, at a readable zoom at least. */
  focus(id: string | undefined): void {
    const slot = id === undefined ? undefined : this.model.layout?.forest.slot.get(id);
    if (slot === undefined) return;
    const zoom = Math.max(this.view.viewport?.zoom ?? readableZoom, readableZoom);
    useStudio.getState().setViewport(placeAt({ x: this.model.x[slot]! + geometry.nodeWidth / 2, y: this.model.y[slot]! }, { x: this.size.width / 2, y: this.size.height / 2 }, zoom));
  }

  /** Pans the least that brings a node wholly on screen (unfolding collapsed ancestors first). */
  reveal(id: string): void {
    const tree = this.inputs.tree;
    if (!tree?.nodes[id]) return;
    const ancestors: string[] = [];
    for (let parentId = tree.nodes[id].parentId; parentId !== undefined; parentId = tree.nodes[parentId]?.parentId) ancestors.push(parentId);
    useStudio.getState().expandAll(ancestors);
    this.revealPending = id;
    this.request();
  }

  private scrollIntoView(id: string): void {
    const view = this.view.viewport;
    const slot = this.model.layout?.forest.slot.get(id);
    if (!view || slot === undefined) return;
    const x = this.model.x[slot]!;
    const y = this.model.y[slot]!;
    const rect = worldRectOf(view, this.size);
    const margin = 24 / view.zoom;
    if (boxInside(x, y, rect, margin)) return;
    let dx = 0;
    let dy = 0;
    if (x < rect.x + margin) dx = rect.x + margin - x;
    else if (x + geometry.nodeWidth > rect.x + rect.width - margin) dx = rect.x + rect.width - margin - (x + geometry.nodeWidth);
    if (y - geometry.nodeHeight / 2 < rect.y + margin) dy = rect.y + margin - (y - geometry.nodeHeight / 2);
    else if (y + geometry.nodeHeight / 2 > rect.y + rect.height - margin) dy = rect.y + rect.height - margin - (y + geometry.nodeHeight / 2);
    // far off screen: centre it rather than scroll to the edge
    if (Math.abs(dx) > rect.width || Math.abs(dy) > rect.height) return this.focusKeepingZoom(slot);
    useStudio.getState().setViewport({ ...view, panX: view.panX + dx * view.zoom, panY: view.panY + dy * view.zoom });
  }

  private focusKeepingZoom(slot: number): void {
    const zoom = this.view.viewport?.zoom ?? readableZoom;
    useStudio.getState().setViewport(placeAt({ x: this.model.x[slot]! + geometry.nodeWidth / 2, y: this.model.y[slot]! }, { x: this.size.width / 2, y: this.size.height / 2 }, zoom));
  }

  /** Zooms around a screen point (the centre by default). */
  zoomBy(factor: number, at = { x: this.size.width / 2, y: this.size.height / 2 }): void {
    const view = this.view.viewport;
    if (view) useStudio.getState().setViewport(zoomAt(view, at, factor));
  }

  /** Pans by screen pixels. */
  panBy(dx: number, dy: number): void {
    const view = this.view.viewport;
    if (view) useStudio.getState().setViewport({ ...view, panX: view.panX + dx, panY: view.panY + dy });
  }

  /** The node a keyboard move lands on from the selection (from the root when nothing is selected). */
  move(direction: TreeMove): string | undefined {
    const layout = this.model.layout;
    if (!layout || layout.forest.nodes.length === 0) return undefined;
    const from = this.inputs.selectedId === undefined ? undefined : layout.forest.slot.get(this.inputs.selectedId);
    if (from === undefined) return layout.forest.nodes[0]!.id;
    const to = moveInForest(layout, from, direction);
    return to === undefined ? undefined : layout.forest.nodes[to]!.id;
  }

  /** Whether a visible node is collapsed (it hides nodes below it). */
  isCollapsed(id: string): boolean {
    return this.view.collapsed.has(id);
  }

  /** The node under a screen point, if any (the canvas's own hit test, for zooms without DOM nodes). */
  nodeAt(screenX: number, screenY: number): string | undefined {
    const view = this.view.viewport;
    if (!view || !this.model.layout) return undefined;
    const slot = this.model.slotAt((screenX - view.panX) / view.zoom, (screenY - view.panY) / view.zoom, 2 / view.zoom);
    return slot === undefined ? undefined : this.model.layout.forest.nodes[slot]!.id;
  }

  /** Centres the main view on the world point under a minimap point. */
  centreOnMinimap(mx: number, my: number): void {
    const view = this.view.viewport;
    if (!view) return;
    const { scale, offsetX, offsetY } = minimapScale(this.model, this.minimapSize);
    const world = { x: (mx - offsetX) / scale, y: (my - offsetY) / scale };
    useStudio.getState().setViewport(placeAt(world, { x: this.size.width / 2, y: this.size.height / 2 }, view.zoom));
  }
}

/** Whether two hit lists render the same elements. */
function sameItems(a: readonly HitItem[], b: readonly HitItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const [p, q] = [a[k]!, b[k]!];
    if (p.id !== q.id || p.x !== q.x || p.y !== q.y || p.state !== q.state || p.selected !== q.selected || p.compare !== q.compare || p.label !== q.label || p.collapsed !== q.collapsed) return false;
  }
  return true;
}
