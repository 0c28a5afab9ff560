/** The fork tree view's own state: collapsed subtrees, filters, the find query, pan and zoom. Selection is not here: the app owns it. */
import type { StudioSlice } from "../store/studio-store.ts";
import { noFilters } from "./tree-filters.ts";
import type { TreeFilters } from "./tree-filters.ts";
import type { Viewport } from "./tree-geometry.ts";

/** See the module comment. */
export interface TreeViewSlice {
  treeView: {
    /** Nodes whose subtrees are folded away (node ids are unique across sessions). */
    readonly collapsed: ReadonlySet<string>;
    readonly filters: TreeFilters;
    readonly findQuery: string;
    /** Undefined until the view is first laid out (it then fits or focuses the tree). */
    readonly viewport: Viewport | undefined;
    /** Whether the legend is open. */
    readonly legendOpen: boolean;
  };
  toggleCollapsed(nodeId: string): void;
  /** Unfolds every collapsed node among these (to reveal a node below them). */
  expandAll(nodeIds: readonly string[]): void;
  setTreeFilter(name: keyof TreeFilters, on: boolean): void;
  setFindQuery(query: string): void;
  setViewport(viewport: Viewport | undefined): void;
  toggleLegend(): void;
}

/** Creates the tree view slice. */
export const createTreeViewSlice: StudioSlice<TreeViewSlice> = (set) => {
  const update = (change: (view: TreeViewSlice["treeView"]) => Partial<TreeViewSlice["treeView"]>) =>
    set((state) => ({ treeView: { ...state.treeView, ...change(state.treeView) } }));
  return {
    treeView: { collapsed: new Set(), filters: noFilters, findQuery: "", viewport: undefined, legendOpen: false },
    toggleCollapsed: (nodeId) =>
      update(({ collapsed }) => {
        const next = new Set(collapsed);
        if (!next.delete(nodeId)) next.add(nodeId);
        return { collapsed: next };
      }),
    expandAll: (nodeIds) =>
      update(({ collapsed }) => {
        if (!nodeIds.some((id) => collapsed.has(id))) return {};
        const next = new Set(collapsed);
        for (const id of nodeIds) next.delete(id);
        return { collapsed: next };
      }),
    setTreeFilter: (name, on) => update(({ filters }) => ({ filters: { ...filters, [name]: on } })),
    setFindQuery: (findQuery) => update(() => ({ findQuery })),
    setViewport: (viewport) => update(() => ({ viewport })),
    toggleLegend: () => update(({ legendOpen }) => ({ legendOpen: !legendOpen })),
  };
};
