/** The minimap's drawing: every visible node as a dot of its colour, and the screen's area as a frame. */
import { nodeColour } from "./node-style.ts";
import { geometry, layoutBounds } from "./tree-geometry.ts";
import type { Rect, Size } from "./tree-geometry.ts";
import type { TreeModel } from "./tree-model.ts";

/** How the minimap maps the layout's world onto its own pixels. */
export interface MinimapScale {
  readonly scale: number;
  readonly offsetX: number;
  readonly offsetY: number;
}

/** The scale that fits the whole layout into the minimap, centred. */
export function minimapScale(model: TreeModel, size: Size): MinimapScale {
  const layout = model.layout;
  const bounds = layout ? layoutBounds(layout.rows, layout.levels) : { x: 0, y: 0, width: 1, height: 1 };
  const scale = Math.min(size.width / bounds.width, size.height / bounds.height);
  return {
    scale,
    offsetX: (size.width - bounds.width * scale) / 2 - bounds.x * scale,
    offsetY: (size.height - bounds.height * scale) / 2 - bounds.y * scale,
  };
}

/** Paints every visible node, one fill per colour, on a dark ground. */
export function paintMinimapNodes(ctx: CanvasRenderingContext2D, model: TreeModel, size: Size, dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.fillStyle = "#0d0f12";
  ctx.fillRect(0, 0, size.width, size.height);
  const layout = model.layout;
  if (!layout || !model.index) return;
  const { scale, offsetX, offsetY } = minimapScale(model, size);
  const w = Math.max(1, geometry.nodeWidth * scale);
  const h = Math.max(1, geometry.nodeHeight * scale);
  const byColour = new Map<string, number[]>();
  for (let s = 0; s < layout.forest.nodes.length; s++) {
    const colour = nodeColour(layout.forest.nodes[s]!, model.index.scoreRange);
    const list = byColour.get(colour);
    if (list) list.push(s);
    else byColour.set(colour, [s]);
  }
  for (const [colour, slots] of byColour) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (const s of slots) ctx.rect(offsetX + model.x[s]! * scale, offsetY + (model.y[s]! - geometry.nodeHeight / 2) * scale, w, h);
    ctx.fill();
  }
}

/** Where the frame of what the main view shows goes on the minimap (CSS pixels), at least 3 px each way. */
export function minimapFrame(model: TreeModel, size: Size, shown: Rect): Rect {
  const { scale, offsetX, offsetY } = minimapScale(model, size);
  return { x: offsetX + shown.x * scale, y: offsetY + shown.y * scale, width: Math.max(3, shown.width * scale), height: Math.max(3, shown.height * scale) };
}
