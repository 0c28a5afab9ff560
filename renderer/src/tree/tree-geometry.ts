/** Where things are on the fork tree's plane (world units = CSS pixels at zoom 1) and how the view maps it to the screen. */

/** A node's box, its level and row spacing, in world units. */
export const geometry = {
  nodeWidth: 156,
  nodeHeight: 34,
  /** From one level's left edge to the next. */
  levelGap: 196,
  /** From one row's centre to the next (a layout row). */
  rowGap: 40,
} as const;

/** The view's pan and zoom: screen = world × zoom + pan. */
export interface Viewport {
  readonly panX: number;
  readonly panY: number;
  readonly zoom: number;
}

/** A screen area's size in CSS pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** An axis-aligned rectangle. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The zoom range: far enough to see 10,000 nodes, near enough to read a node comfortably. */
export const zoomLimits = { min: 0.02, max: 2.5 } as const;
/** The zoom at which focusing a node puts it (readable, with its neighbourhood). */
export const readableZoom = 1;

/** The world x of a level's left edge. */
export const levelX = (depth: number) => depth * geometry.levelGap;
/** The world y of a layout row's centre. */
export const rowY = (breadth: number) => breadth * geometry.rowGap;

/** The world rectangle of the whole layout. */
export function layoutBounds(rows: number, levels: number): Rect {
  return { x: 0, y: -geometry.nodeHeight / 2, width: levelX(levels) + geometry.nodeWidth, height: rowY(rows) + geometry.nodeHeight };
}

/** Clamps a zoom into {@link zoomLimits}. */
export function clampZoom(zoom: number): number {
  return Math.min(zoomLimits.max, Math.max(zoomLimits.min, zoom));
}

/** The viewport that shows a world rectangle whole and centred, with a margin, never zooming in past `maxZoom`. */
export function fitView(bounds: Rect, size: Size, margin = 24, maxZoom = readableZoom): Viewport {
  const zoom = clampZoom(Math.min(maxZoom, (size.width - 2 * margin) / Math.max(1, bounds.width), (size.height - 2 * margin) / Math.max(1, bounds.height)));
  return {
    zoom,
    panX: size.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    panY: size.height / 2 - (bounds.y + bounds.height / 2) * zoom,
  };
}

/** The viewport that puts a world point at a screen point, at a zoom. */
export function placeAt(world: { x: number; y: number }, screen: { x: number; y: number }, zoom: number): Viewport {
  return { zoom, panX: screen.x - world.x * zoom, panY: screen.y - world.y * zoom };
}

/** Zooms by a factor around a screen point (the point under the cursor stays where it is). */
export function zoomAt(view: Viewport, screen: { x: number; y: number }, factor: number): Viewport {
  const zoom = clampZoom(view.zoom * factor);
  const scale = zoom / view.zoom;
  return { zoom, panX: screen.x - (screen.x - view.panX) * scale, panY: screen.y - (screen.y - view.panY) * scale };
}

/** The world rectangle a viewport shows on a screen area. */
export function worldRectOf(view: Viewport, size: Size): Rect {
  return { x: -view.panX / view.zoom, y: -view.panY / view.zoom, width: size.width / view.zoom, height: size.height / view.zoom };
}

/** Whether a node box at world (x, yCentre) meets a world rectangle. */
export function boxMeets(x: number, yCentre: number, rect: Rect): boolean {
  return x + geometry.nodeWidth >= rect.x && x <= rect.x + rect.width && yCentre + geometry.nodeHeight / 2 >= rect.y && yCentre - geometry.nodeHeight / 2 <= rect.y + rect.height;
}

/** Whether a node box at world (x, yCentre) lies wholly inside a world rectangle shrunk by a margin. */
export function boxInside(x: number, yCentre: number, rect: Rect, margin = 0): boolean {
  return x >= rect.x + margin && x + geometry.nodeWidth <= rect.x + rect.width - margin && yCentre - geometry.nodeHeight / 2 >= rect.y + margin && yCentre + geometry.nodeHeight / 2 <= rect.y + rect.height - margin;
}
