/**
 * The fork tree explorer: the search's tree of hypotheses, live, for trees of any size. A controlled
 * component: the app owns the selection and confirms prunes; the view's own state (collapsed
 * subtrees, filters, find, pan and zoom) lives in the tree view slice. Nodes are painted on a canvas;
 * the nodes near the screen also get a transparent DOM element each, for clicks, tests
 * (`[data-testid="tree-node"][data-node-id]`) and assistive technology.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { KeyboardEvent, MouseEvent, PointerEvent, WheelEvent } from "react";
import type { Tree } from "../../../shared/domain/tree.ts";
import { useStudio } from "../store/studio-store.ts";
import { ForkTreeController } from "./fork-tree-controller.ts";
import type { HitItem } from "./fork-tree-controller.ts";
import type { TreeMove } from "./navigate-forest.ts";
import { TreeHitLayer } from "./tree-hit-layer.tsx";
import { TreeLegend } from "./tree-legend.tsx";
import { TreeToolbar } from "./tree-toolbar.tsx";
import { TreeTooltip } from "./tree-tooltip.tsx";
import "./fork-tree.css";

/** The agreed interface between the app and the tree. */
export interface ForkTreeProps {
  readonly tree: Tree | undefined;
  readonly selectedId: string | undefined;
  /** The node compared with the selection, if any. */
  readonly compareId: string | undefined;
  /** A node was clicked or reached with the keyboard; `compare` when Shift, Ctrl or Cmd was held. */
  readonly onSelect: (nodeId: string, options: { compare: boolean }) => void;
  /** `p` on the selected node: pin it, or unpin it when pinned. */
  readonly onPin: (nodeId: string) => void;
  /** Delete on the selected node: the app asks for confirmation, then prunes. */
  readonly onPruneRequest: (nodeId: string) => void;
}

const arrowMoves: Record<string, TreeMove> = { ArrowLeft: "parent", ArrowRight: "child", ArrowUp: "previous", ArrowDown: "next" };

/** See the module comment. */
export function ForkTree(props: ForkTreeProps) {
  const [controller] = useState(() => new ForkTreeController());
  const [hitItems, setHitItems] = useState<HitItem[]>([]);
  const [matches, setMatches] = useState<string[]>([]);
  const [matchAt, setMatchAt] = useState(-1);
  const [counts, setCounts] = useState({ nodes: 0, shown: 0, checking: 0 });
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | undefined>();
  const legendOpen = useStudio((state) => state.treeView.legendOpen);
  const areaRef = useRef<HTMLDivElement>(null);
  const findRef = useRef<HTMLInputElement>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean } | undefined>(undefined);
  /** The last node selected from inside the tree: it is on screen already, so its selection needs no reveal. */
  const selectedHere = useRef<string | undefined>(undefined);
  const { tree, selectedId, compareId, onSelect, onPin, onPruneRequest } = props;

  useEffect(() => {
    controller.onHitItems = setHitItems;
    controller.onMatches = (ids) => {
      setMatches(ids);
      setMatchAt(-1);
    };
    controller.onCounts = setCounts;
    const unsubscribe = useStudio.subscribe((state, previous) => {
      if (state.treeView !== previous.treeView) controller.request();
    });
    return () => {
      unsubscribe();
      controller.dispose();
    };
  }, [controller]);

  useEffect(() => {
    controller.inputs = { tree, selectedId, compareId };
    controller.request();
  }, [controller, tree, selectedId, compareId]);

  // a selection made elsewhere (the inspector, a link) is brought into view; one made here already is
  useEffect(() => {
    if (selectedId !== undefined && selectedId !== selectedHere.current) controller.reveal(selectedId);
    selectedHere.current = undefined;
  }, [controller, selectedId]);

  useLayoutEffect(() => {
    const area = areaRef.current;
    if (!area) return;
    const observer = new ResizeObserver(() => {
      const { width, height } = area.getBoundingClientRect();
      controller.size = { width, height };
      const dpr = window.devicePixelRatio || 1;
      if (controller.canvas) {
        controller.canvas.width = Math.round(width * dpr);
        controller.canvas.height = Math.round(height * dpr);
      }
      controller.request();
    });
    observer.observe(area);
    return () => observer.disconnect();
  }, [controller]);

  const select = useCallback(
    (id: string, compare: boolean) => {
      if (!compare) selectedHere.current = id;
      onSelect(id, { compare });
    },
    [onSelect],
  );

  const stepFind = (step: 1 | -1) => {
    if (matches.length === 0) return;
    const next = (matchAt + step + matches.length) % matches.length;
    setMatchAt(next);
    const id = matches[next]!;
    select(id, false);
    controller.reveal(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = arrowMoves[event.key];
    if (move) {
      event.preventDefault();
      if (move === "child" && selectedId !== undefined && controller.isCollapsed(selectedId)) {
        useStudio.getState().toggleCollapsed(selectedId);
        return;
      }
      const id = controller.move(move);
      if (id !== undefined) {
        select(id, false);
        controller.reveal(id);
      }
      return;
    }
    switch (event.key) {
      case "p":
      case "P":
        if (selectedId !== undefined) onPin(selectedId);
        break;
      case "Delete":
      case "Backspace":
        if (selectedId !== undefined) onPruneRequest(selectedId);
        break;
      case "Enter":
        controller.focus(selectedId);
        break;
      case "c":
        if (selectedId !== undefined) useStudio.getState().toggleCollapsed(selectedId);
        break;
      case "f":
        controller.fit();
        break;
      case "+":
      case "=":
        controller.zoomBy(1.25);
        break;
      case "-":
        controller.zoomBy(1 / 1.25);
        break;
      case "/":
        findRef.current?.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const localPoint = (event: { clientX: number; clientY: number }) => {
    const box = areaRef.current!.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const current = drag.current;
    if (current && event.buttons === 1) {
      const dx = event.clientX - current.x;
      const dy = event.clientY - current.y;
      if (!current.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!current.moved) event.currentTarget.setPointerCapture(event.pointerId);
      current.moved = true;
      current.x = event.clientX;
      current.y = event.clientY;
      controller.panBy(dx, dy);
      return;
    }
    const point = localPoint(event);
    const id = controller.nodeAt(point.x, point.y);
    if (id !== controller.hoverId) {
      controller.hoverId = id;
      controller.request();
    }
    setHover(id === undefined ? undefined : { id, ...point });
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) event.currentTarget.releasePointerCapture(event.pointerId);
  };
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const dragged = drag.current?.moved;
    drag.current = undefined;
    if (dragged) return;
    const target = (event.target as HTMLElement).closest<HTMLElement>("[data-node-id]");
    const point = localPoint(event);
    const id = target?.dataset.nodeId ?? controller.nodeAt(point.x, point.y);
    if (id !== undefined) select(id, event.shiftKey || event.ctrlKey || event.metaKey);
    areaRef.current?.focus({ preventScroll: true });
  };
  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const point = localPoint(event);
    const id = controller.nodeAt(point.x, point.y);
    if (id !== undefined) useStudio.getState().toggleCollapsed(id);
  };
  const onWheel = (event: WheelEvent<HTMLDivElement>) => {
    // a pinch or Ctrl+wheel zooms around the pointer; a plain wheel or two-finger swipe pans
    if (event.ctrlKey || event.metaKey) controller.zoomBy(Math.exp(-event.deltaY * 0.0025), localPoint(event));
    else controller.panBy(-event.deltaX, -event.deltaY);
  };

  const onMinimap = (event: PointerEvent<HTMLDivElement>) => {
    if (event.type === "pointerdown") event.currentTarget.setPointerCapture(event.pointerId);
    else if (event.buttons !== 1) return;
    const box = event.currentTarget.getBoundingClientRect();
    controller.centreOnMinimap(event.clientX - box.left, event.clientY - box.top);
  };

  const hovered = hover && tree?.nodes[hover.id];
  const index = controller.model.index;
  return (
    <div className="fork-tree" data-testid="fork-tree">
      <TreeToolbar
        findRef={findRef}
        matchCount={matches.length}
        matchAt={matchAt}
        onFindStep={stepFind}
        onFit={() => controller.fit()}
        onFocus={() => controller.focus(selectedId)}
        onZoom={(factor) => controller.zoomBy(factor)}
        counts={counts}
      />
      <div className="fork-tree-body">
        <div
          className="fork-tree-area"
          ref={areaRef}
          tabIndex={0}
          role="tree"
          aria-label="Fork tree: arrows move, Enter focuses, p pins, Delete prunes, c collapses"
          aria-multiselectable={false}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerLeave={() => {
            controller.hoverId = undefined;
            setHover(undefined);
            controller.request();
          }}
          onClick={onClick}
          onDoubleClick={onDoubleClick}
          onWheel={onWheel}
        >
          <canvas
            className="fork-tree-canvas"
            ref={(canvas) => {
              controller.canvas = canvas ?? undefined;
            }}
          />
          <TreeHitLayer
            items={hitItems}
            layerRef={(layer) => {
              controller.hitLayer = layer ?? undefined;
            }}
          />
        </div>
        {!tree && <div className="fork-tree-empty">No session selected: start or open a session to see its tree.</div>}
        {tree && counts.nodes === 0 && <div className="fork-tree-empty">Preparing the root checkpoint…</div>}
        {hovered && !drag.current?.moved && (
          <TreeTooltip node={hovered} x={hover.x} y={hover.y} best={index?.bestId === hovered.id} solution={index?.solutionIds.has(hovered.id) ?? false} />
        )}
        <div
          className="fork-tree-minimap"
          data-testid="tree-minimap"
          aria-label="Minimap: click or drag to move the view"
          style={{ width: controller.minimapSize.width, height: controller.minimapSize.height }}
          onPointerDown={onMinimap}
          onPointerMove={onMinimap}
        >
          <canvas
            width={Math.round(controller.minimapSize.width * (window.devicePixelRatio || 1))}
            height={Math.round(controller.minimapSize.height * (window.devicePixelRatio || 1))}
            style={{ width: controller.minimapSize.width, height: controller.minimapSize.height }}
            ref={(canvas) => {
              controller.minimap = canvas ?? undefined;
            }}
          />
          <div
            className="fork-tree-minimap-frame"
            ref={(frame) => {
              controller.minimapFrame = frame ?? undefined;
            }}
          />
        </div>
        {legendOpen && <TreeLegend />}
      </div>
    </div>
  );
}
