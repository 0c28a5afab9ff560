/** The fork tree explorer's public face: the component and its view-state slice. */
export { ForkTree } from "./fork-tree.tsx";
export type { ForkTreeProps } from "./fork-tree.tsx";
export { createTreeViewSlice } from "./tree-view-slice.ts";
export type { TreeViewSlice } from "./tree-view-slice.ts";
