/** The fork tree's toolbar: find, filters, zoom and fit, the legend, and the tree's counts. */
import type { RefObject } from "react";
import { useStudio } from "../store/studio-store.ts";
import type { TreeFilters } from "./tree-filters.ts";

/** What the toolbar shows and does. */
export interface TreeToolbarProps {
  readonly findRef: RefObject<HTMLInputElement | null>;
  readonly matchCount: number;
  /** Which match the find box is on (0-based), or -1. */
  readonly matchAt: number;
  readonly onFindStep: (step: 1 | -1) => void;
  readonly onFit: () => void;
  readonly onFocus: () => void;
  readonly onZoom: (factor: number) => void;
  readonly counts: { nodes: number; shown: number; checking: number };
}

const filterButtons: { name: keyof TreeFilters; testId: string; label: string; title: string }[] = [
  { name: "hidePruned", testId: "tree-filter-pruned", label: "Hide pruned", title: "Hide nodes the search or you dropped" },
  { name: "hideInvalid", testId: "tree-filter-invalid", label: "Hide invalid", title: "Hide invalid nodes and infrastructure failures" },
  { name: "beamOnly", testId: "tree-filter-beam", label: "Beam only", title: "Show only the search's path: expanded nodes, the beam, nodes in flight, pins" },
];

/** Renders the toolbar. */
export function TreeToolbar(props: TreeToolbarProps) {
  const findQuery = useStudio((state) => state.treeView.findQuery);
  const filters = useStudio((state) => state.treeView.filters);
  const legendOpen = useStudio((state) => state.treeView.legendOpen);
  const setFindQuery = useStudio((state) => state.setFindQuery);
  const setTreeFilter = useStudio((state) => state.setTreeFilter);
  const toggleLegend = useStudio((state) => state.toggleLegend);
  return (
    <div className="fork-tree-toolbar">
      <div className="fork-tree-find">
        <input
          ref={props.findRef}
          data-testid="tree-find"
          type="search"
          placeholder="Find: id prefix, llm, state:invalid…"
          aria-label="Find nodes by id prefix, generator or state"
          value={findQuery}
          onChange={(event) => setFindQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              props.onFindStep(event.shiftKey ? -1 : 1);
            }
            if (event.key === "Escape" && findQuery !== "") {
              event.preventDefault();
              setFindQuery("");
            }
          }}
        />
        {findQuery.trim() !== "" && (
          <span className="fork-tree-find-count" data-testid="tree-find-count">
            {props.matchCount === 0 ? "no match" : `${props.matchAt + 1 > 0 ? props.matchAt + 1 : "–"}/${props.matchCount}`}
          </span>
        )}
        <button type="button" title="Previous match (Shift+Enter)" disabled={props.matchCount === 0} onClick={() => props.onFindStep(-1)}>
          ↑
        </button>
        <button type="button" title="Next match (Enter)" disabled={props.matchCount === 0} onClick={() => props.onFindStep(1)}>
          ↓
        </button>
      </div>
      <div className="fork-tree-filters">
        {filterButtons.map((button) => (
          <button
            key={button.name}
            type="button"
            data-testid={button.testId}
            aria-pressed={filters[button.name]}
            title={button.title}
            onClick={() => setTreeFilter(button.name, !filters[button.name])}
          >
            {button.label}
          </button>
        ))}
      </div>
      <div className="fork-tree-zoom">
        <button type="button" title="Zoom out (-)" aria-label="Zoom out" onClick={() => props.onZoom(1 / 1.25)}>
          −
        </button>
        <button type="button" title="Zoom in (+)" aria-label="Zoom in" onClick={() => props.onZoom(1.25)}>
          +
        </button>
        <button type="button" data-testid="tree-fit" title="Fit the whole tree (f)" onClick={props.onFit}>
          Fit
        </button>
        <button type="button" data-testid="tree-focus" title="Focus the selected node (Enter)" onClick={props.onFocus}>
          Focus
        </button>
        <button type="button" data-testid="tree-legend-toggle" aria-pressed={legendOpen} title="What the colours and badges mean" onClick={toggleLegend}>
          Legend
        </button>
      </div>
      <span className="fork-tree-counts" data-testid="tree-counts">
        {props.counts.shown === props.counts.nodes ? `${grouped(props.counts.nodes)} nodes` : `${grouped(props.counts.shown)} of ${grouped(props.counts.nodes)} nodes`}
        {props.counts.checking > 0 ? ` · ${props.counts.checking} checking` : ""}
      </span>
    </div>
  );
}

/** 12345 → "12,345" (without Intl: its first use costs tens of milliseconds). */
function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
