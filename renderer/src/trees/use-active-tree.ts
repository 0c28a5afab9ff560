/** Hooks for the active session's tree and the selected nodes in it. */
import type { Node } from "../../../shared/domain/node.ts";
import type { Tree } from "../../../shared/domain/tree.ts";
import { useStudio } from "../store/studio-store.ts";
import type { TreeEntry } from "./tree-entries.ts";

/** The active session's tree entry (undefined when no session is active). */
export function useActiveTreeEntry(): TreeEntry | undefined {
  return useStudio((state) => (state.activeSessionId ? state.trees[state.activeSessionId] : undefined));
}

/** The active session's tree once loaded. */
export function useActiveTree(): Tree | undefined {
  const entry = useActiveTreeEntry();
  return entry?.kind === "ready" ? entry.tree : undefined;
}

/** A node of the active tree (undefined until it is there). */
export function useActiveNode(nodeId: string | undefined): Node | undefined {
  return useStudio((state) => {
    if (nodeId === undefined || !state.activeSessionId) return undefined;
    const entry = state.trees[state.activeSessionId];
    return entry?.kind === "ready" ? entry.tree.nodes[nodeId] : undefined;
  });
}
