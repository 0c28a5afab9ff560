/**
 * Draws the fork tree on a canvas: elbow edges, node boxes coloured by state and score, ids,
 * scores and badges. Only what meets the screen is drawn; far out, nodes become plain coloured
 * boxes batched by colour (a few fills for 10,000 nodes), and text appears once it is readable.
 */
import type { Node } from "../../../shared/domain/node.ts";
import { generatorOf } from "./find-nodes.ts";
import { badgesOf, formatScore, isDeadEnd, nodeColour, stateColours } from "./node-style.ts";
import { boxMeets, geometry, worldRectOf } from "./tree-geometry.ts";
import type { Size, Viewport } from "./tree-geometry.ts";
import type { TreeModel } from "./tree-model.ts";

/** What is marked on the tree besides the nodes themselves. */
export interface TreeMarks {
  readonly selectedId: string | undefined;
  readonly compareId: string | undefined;
  readonly hoverId: string | undefined;
  /** Nodes the find box matches. */
  readonly matches: ReadonlySet<string>;
}

/** Below this zoom node boxes carry no text. */
export const textZoom = 0.45;
const colours = {
  background: "#16181c",
  edge: "#3a3f47",
  lineage: "#4fc1ff",
  box: "#22262c",
  deadBox: "#1b1d21",
  border: "#343a42",
  text: "#d0d7de",
  dimText: "#6e7681",
  subText: "#8b949e",
  selected: "#4fc1ff",
  compare: "#d2a8ff",
  match: "#e3b341",
  hover: "#8b949e",
};
const mono = '"DejaVu Sans Mono", "SFMono-Regular", Menlo, Consolas, monospace';
const sans = 'system-ui, "DejaVu Sans", "Segoe UI", sans-serif';

/** Paints one frame. `view` is the pan and zoom shown (with any anchoring glide applied). */
export function paintTree(ctx: CanvasRenderingContext2D, model: TreeModel, view: Viewport, size: Size, dpr: number, now: number, marks: TreeMarks): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = colours.background;
  ctx.fillRect(0, 0, size.width, size.height);
  const layout = model.layout;
  const index = model.index;
  if (!layout || !index) return;
  const e = model.progress(now);
  const { x: X, y: Y } = model.shownPositions(now);
  const rect = worldRectOf(view, size);
  const { nodes, parent } = layout.forest;
  const n = nodes.length;
  const W = geometry.nodeWidth;
  const H = geometry.nodeHeight;
  ctx.setTransform(dpr * view.zoom, 0, 0, dpr * view.zoom, dpr * view.panX, dpr * view.panY);

  // which nodes and edges meet the screen
  const shown: number[] = [];
  const edges: number[] = [];
  for (let s = 0; s < n; s++) {
    const x = X[s]!;
    const y = Y[s]!;
    if (boxMeets(x, y, rect)) shown.push(s);
    const p = parent[s]!;
    if (p < 0) continue;
    const px = X[p]! + W;
    const py = Y[p]!;
    if (px <= rect.x + rect.width && x >= rect.x && Math.max(py, y) >= rect.y && Math.min(py, y) <= rect.y + rect.height) edges.push(s);
  }

  // edges: parent's right edge → halfway → child's left edge, one path
  const lineage = lineageSlots(model, marks.selectedId);
  ctx.lineWidth = Math.max(1, 1 / view.zoom);
  ctx.strokeStyle = colours.edge;
  ctx.beginPath();
  for (const s of edges) if (!lineage.has(s)) elbow(ctx, X, Y, s, parent[s]!);
  ctx.stroke();
  if (lineage.size > 0) {
    ctx.lineWidth = Math.max(2, 2 / view.zoom);
    ctx.strokeStyle = colours.lineage;
    ctx.beginPath();
    for (const s of lineage) if (parent[s]! >= 0) elbow(ctx, X, Y, s, parent[s]!);
    ctx.stroke();
  }

  const range = index.scoreRange;
  const detailed = view.zoom >= textZoom;
  if (!detailed) {
    // far out: one fill per colour
    const byColour = new Map<string, number[]>();
    for (const s of shown) {
      const colour = nodeColour(nodes[s]!, range);
      const list = byColour.get(colour);
      if (list) list.push(s);
      else byColour.set(colour, [s]);
    }
    for (const [colour, slots] of byColour) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      for (const s of slots) ctx.rect(X[s]!, Y[s]! - H / 2, W, H);
      ctx.fill();
    }
  } else {
    for (const s of shown) {
      const node = nodes[s]!;
      ctx.globalAlpha = model.fresh[s] ? e : 1;
      paintNode(ctx, node, X[s]!, Y[s]!, {
        colour: nodeColour(node, range),
        best: node.id === index.bestId,
        solution: index.solutionIds.has(node.id),
        hidden: layout.forest.hiddenBelow[s]!,
      });
    }
    ctx.globalAlpha = 1;
  }

  // rings: find matches, hover, compare, selection (drawn last so they sit on top)
  const ring = (id: string | undefined, colour: string, width: number, dash: number[] = []) => {
    const s = id === undefined ? undefined : layout.forest.slot.get(id);
    if (s === undefined) return;
    ctx.strokeStyle = colour;
    ctx.lineWidth = Math.max(width, width / view.zoom);
    ctx.setLineDash(dash.map((d) => d / Math.min(1, view.zoom)));
    const pad = 2.5 / Math.min(1, view.zoom);
    ctx.strokeRect(X[s]! - pad, Y[s]! - H / 2 - pad, W + 2 * pad, H + 2 * pad);
    ctx.setLineDash([]);
  };
  if (marks.matches.size > 0 && marks.matches.size <= 5000) for (const id of marks.matches) ring(id, colours.match, 1.5);
  ring(marks.hoverId, colours.hover, 1);
  ring(marks.compareId, colours.compare, 2, [5, 3]);
  ring(marks.selectedId, colours.selected, 2.5);
}

function elbow(ctx: CanvasRenderingContext2D, X: Float64Array, Y: Float64Array, s: number, p: number): void {
  const x0 = X[p]! + geometry.nodeWidth;
  const y0 = Y[p]!;
  const x1 = X[s]!;
  const y1 = Y[s]!;
  const mid = x0 + (x1 - x0) / 2;
  ctx.moveTo(x0, y0);
  ctx.lineTo(mid, y0);
  ctx.lineTo(mid, y1);
  ctx.lineTo(x1, y1);
}

/** The slots on the path from the root to the selected node (their edges are highlighted). */
function lineageSlots(model: TreeModel, selectedId: string | undefined): Set<number> {
  const result = new Set<number>();
  const layout = model.layout;
  if (!layout || selectedId === undefined) return result;
  let s = layout.forest.slot.get(selectedId);
  while (s !== undefined && s >= 0) {
    result.add(s);
    s = layout.forest.parent[s]!;
  }
  return result;
}

/** One node box with its text and badges, at a readable zoom. */
function paintNode(ctx: CanvasRenderingContext2D, node: Node, x: number, y: number, look: { colour: string; best: boolean; solution: boolean; hidden: number }): void {
  const W = geometry.nodeWidth;
  const H = geometry.nodeHeight;
  const top = y - H / 2;
  const dead = isDeadEnd(node.state);
  ctx.fillStyle = dead ? colours.deadBox : colours.box;
  ctx.fillRect(x, top, W, H);
  ctx.strokeStyle = node.state === "checking" ? stateColours.checking : colours.border;
  ctx.lineWidth = 1;
  if (node.state === "pruned") ctx.setLineDash([3, 2]);
  ctx.strokeRect(x + 0.5, top + 0.5, W - 1, H - 1);
  ctx.setLineDash([]);
  ctx.fillStyle = look.colour;
  ctx.fillRect(x, top, 4, H);

  // line 1: id, badges on the right
  ctx.textBaseline = "middle";
  ctx.textAlign = "left";
  ctx.font = `11px ${mono}`;
  ctx.fillStyle = dead ? colours.dimText : colours.text;
  ctx.fillText(node.id.slice(0, 8), x + 9, y - 7);
  let right = x + W - 6;
  ctx.textAlign = "right";
  ctx.font = `11px ${sans}`;
  const badges = badgesOf(node, { best: look.best, solution: look.solution });
  for (let k = badges.length - 1; k >= 0; k--) {
    const badge = badges[k]!;
    ctx.fillStyle = badge.colour;
    ctx.fillText(badge.glyph, right, y - 7);
    right -= badge.glyph.length > 1 ? ctx.measureText(badge.glyph).width + 3 : 12;
  }

  // line 2: generator and sites left, the score (or the state) on the right
  ctx.textAlign = "left";
  ctx.font = `10px ${sans}`;
  ctx.fillStyle = colours.subText;
  const sites = node.score ? ` · ${node.score.sitesLeft} left` : "";
  ctx.fillText(`${generatorOf(node)}${sites}`, x + 9, y + 8);
  ctx.textAlign = "right";
  if (node.state === "scored" && node.score) {
    ctx.font = `bold 11px ${mono}`;
    ctx.fillStyle = look.colour;
    ctx.fillText(formatScore(node.score.value), x + W - 6, y + 8);
  } else {
    ctx.font = `10px ${sans}`;
    ctx.fillStyle = node.state === "scored" ? colours.subText : stateColours[node.state];
    ctx.fillText(node.state === "checking" ? "checking…" : node.state, x + W - 6, y + 8);
  }

  if (look.hidden > 0) {
    ctx.textAlign = "left";
    ctx.font = `10px ${sans}`;
    const label = `+${look.hidden}`;
    const width = ctx.measureText(label).width + 8;
    ctx.fillStyle = "#2d333b";
    ctx.fillRect(x + W + 4, y - 8, width, 16);
    ctx.fillStyle = colours.text;
    ctx.fillText(label, x + W + 8, y);
  }
}
