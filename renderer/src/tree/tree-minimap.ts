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

const ground = rgbaOf("#0d0f12");
const packed = new Map<string, number>();

/**
 * Paints every visible node as the pixels its box covers, written straight into an ImageData:
 * on a minimap a node is a pixel or two, and 10,000 pixel writes cost far less than 10,000 paths.
 */
export function paintMinimapNodes(ctx: CanvasRenderingContext2D, model: TreeModel, size: Size, dpr: number): void {
  const width = ctx.canvas.width;
  const height = ctx.canvas.height;
  const image = ctx.createImageData(width, height);
  const pixels = new Uint32Array(image.data.buffer);
  pixels.fill(ground);
  const layout = model.layout;
  if (layout && model.index) {
    const { scale, offsetX, offsetY } = minimapScale(model, size);
    const s = scale * dpr;
    const w = Math.max(1, Math.round(geometry.nodeWidth * s));
    const h = Math.max(1, Math.round(geometry.nodeHeight * s));
    for (let slot = 0; slot < layout.forest.nodes.length; slot++) {
      const colour = packedColour(nodeColour(layout.forest.nodes[slot]!, model.index.scoreRange));
      const x0 = Math.round(offsetX * dpr + model.x[slot]! * s);
      const y0 = Math.round(offsetY * dpr + (model.y[slot]! - geometry.nodeHeight / 2) * s);
      for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
        for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) pixels[y * width + x] = colour;
      }
    }
  }
  ctx.putImageData(image, 0, 0);
}

/** A CSS colour (`#rrggbb` or `rgb(r,g,b)`) as one pixel of an ImageData (RGBA bytes, little-endian). */
function packedColour(css: string): number {
  let value = packed.get(css);
  if (value === undefined) packed.set(css, (value = rgbaOf(css)));
  return value;
}

function rgbaOf(css: string): number {
  const [r, g, b] = css.startsWith("#") ? [1, 3, 5].map((at) => parseInt(css.slice(at, at + 2), 16)) : css.slice(4, -1).split(",").map(Number);
  return ((255 << 24) | (b! << 16) | (g! << 8) | r!) >>> 0;
}

/** Where the frame of what the main view shows goes on the minimap (CSS pixels), at least 3 px each way. */
export function minimapFrame(model: TreeModel, size: Size, shown: Rect): Rect {
  const { scale, offsetX, offsetY } = minimapScale(model, size);
  return { x: offsetX + shown.x * scale, y: offsetY + shown.y * scale, width: Math.max(3, shown.width * scale), height: Math.max(3, shown.height * scale) };
}
