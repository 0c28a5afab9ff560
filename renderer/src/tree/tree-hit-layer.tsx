/** The fork tree's DOM layer: one transparent, focusable-by-click element per node near the screen, over the canvas. */
import { memo } from "react";
import { geometry } from "./tree-geometry.ts";
import type { HitItem } from "./fork-tree-controller.ts";

/** Renders the hit items; `layerRef` receives the element the controller pans and zooms. */
export function TreeHitLayer({ items, layerRef }: { items: readonly HitItem[]; layerRef: (element: HTMLDivElement | null) => void }) {
  return (
    <div className="fork-tree-hits" ref={layerRef} role="group">
      {items.map((item) => (
        <HitNode key={item.id} item={item} />
      ))}
    </div>
  );
}

const HitNode = memo(function HitNode({ item }: { item: HitItem }) {
  return (
    <div
      className="fork-tree-hit"
      data-testid="tree-node"
      data-node-id={item.id}
      data-state={item.state}
      role="treeitem"
      aria-level={item.level}
      aria-selected={item.selected}
      aria-expanded={item.collapsed ? false : undefined}
      aria-label={item.label}
      data-compare={item.compare || undefined}
      style={{ left: item.x, top: item.y - geometry.nodeHeight / 2, width: geometry.nodeWidth, height: geometry.nodeHeight }}
    />
  );
});
