import { describe, expect, it } from "vitest";
import { boxInside, boxMeets, fitView, geometry, layoutBounds, placeAt, worldRectOf, zoomAt, zoomLimits } from "./tree-geometry.ts";

const size = { width: 800, height: 600 };

describe("tree geometry", () => {
  it("fits a layout whole and centred, never zooming in past the readable zoom", () => {
    const bounds = layoutBounds(200, 20);
    const view = fitView(bounds, size);
    const shown = worldRectOf(view, size);
    expect(shown.x).toBeLessThanOrEqual(bounds.x);
    expect(shown.y).toBeLessThanOrEqual(bounds.y);
    expect(shown.x + shown.width).toBeGreaterThanOrEqual(bounds.x + bounds.width);
    expect(shown.y + shown.height).toBeGreaterThanOrEqual(bounds.y + bounds.height);
    expect(shown.x + shown.width / 2).toBeCloseTo(bounds.x + bounds.width / 2, 6);
    expect(fitView(layoutBounds(0, 0), size).zoom).toBe(1);
    expect(fitView(layoutBounds(1_000_000, 0), size).zoom).toBe(zoomLimits.min);
  });

  it("zooms around a screen point, which stays over the same world point", () => {
    const view = { panX: 40, panY: -300, zoom: 0.8 };
    const at = { x: 320, y: 410 };
    const world = { x: (at.x - view.panX) / view.zoom, y: (at.y - view.panY) / view.zoom };
    const zoomed = zoomAt(view, at, 1.7);
    expect(zoomed.zoom).toBeCloseTo(1.36, 6);
    expect(world.x * zoomed.zoom + zoomed.panX).toBeCloseTo(at.x, 6);
    expect(world.y * zoomed.zoom + zoomed.panY).toBeCloseTo(at.y, 6);
    expect(zoomAt(view, at, 1000).zoom).toBe(zoomLimits.max);
  });

  it("places a world point at a screen point, and tells which boxes meet or lie inside the screen", () => {
    const view = placeAt({ x: 1000, y: 2000 }, { x: 400, y: 300 }, 1);
    const rect = worldRectOf(view, size);
    expect(boxMeets(1000, 2000, rect)).toBe(true);
    expect(boxInside(1000, 2000, rect, 10)).toBe(true);
    expect(boxMeets(1000 + 400 + 1, 2000, rect)).toBe(false);
    expect(boxInside(1000 + 400 - geometry.nodeWidth + 1, 2000, rect)).toBe(false);
  });
});
