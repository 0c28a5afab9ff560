/** Selecting the node to inspect and the node to compare it with. */
import { writeLocation } from "../app/location-state.ts";
import { useStudio } from "../store/studio-store.ts";
import { loadChecks, loadComparison, loadDiff } from "./inspector-loads.ts";

/** Selects a node (its diff and checks load), or with `compare` sets the node the selected one is compared with. */
export function selectNode(nodeId: string, options: { compare?: boolean } = {}): void {
  const state = useStudio.getState();
  if (options.compare && state.selectedId !== undefined && state.selectedId !== nodeId) {
    useStudio.setState({ compareId: nodeId, mode: "compare" });
    writeLocation({ session: state.activeSessionId, node: state.selectedId, compare: nodeId });
    void loadComparison(state.selectedId, nodeId);
    return;
  }
  if (state.selectedId === nodeId && state.mode !== "edit") {
    if (state.mode === "compare") compareWith(undefined);
    return;
  }
  useStudio.setState({ selectedId: nodeId, compareId: undefined, mode: "diff", applied: undefined, busy: undefined });
  writeLocation({ session: state.activeSessionId, node: nodeId });
  void loadDiff(nodeId, state.against);
  void loadChecks(nodeId);
}

/** Compares the selected node with another one (the compare node's own row). */
export function compareWith(nodeId: string | undefined): void {
  const { selectedId } = useStudio.getState();
  if (nodeId === undefined || selectedId === undefined) {
    useStudio.setState({ compareId: undefined, mode: "diff" });
    writeLocation({ session: useStudio.getState().activeSessionId, node: selectedId });
    return;
  }
  selectNode(nodeId, { compare: true });
}

/** Shows the selected node's diff against its parent or the root. */
export function setAgainst(against: "parent" | "root"): void {
  const { selectedId } = useStudio.getState();
  useStudio.setState({ against });
  if (selectedId !== undefined) void loadDiff(selectedId, against);
}

/** Forgets the selection (another session became active). */
export function clearSelection(): void {
  useStudio.setState({ selectedId: undefined, compareId: undefined, mode: "diff", diff: undefined, checks: undefined, comparison: undefined, applied: undefined, busy: undefined });
}
