/**
 * Editing a node by hand: the node's files (as they are at the node, from its diff against the
 * root) open in Monaco; saving sends the changed files whole to `node/addManualEdit`, and the new
 * child is judged like any other node and selected.
 */
import { engine } from "../engine/engine.ts";
import { loadMonaco } from "../monaco/load-monaco.ts";
import { closeEditSession, editChanges, openEditSession } from "../monaco/edit-session.ts";
import { reportError, reportInfo } from "../store/report.ts";
import { useStudio } from "../store/studio-store.ts";
import { selectNode } from "./selection-actions.ts";

/** Opens the selected node's changed files for editing. */
export async function startEdit(nodeId: string): Promise<void> {
  useStudio.setState({ busy: { nodeId, action: "edit" } });
  try {
    const [monaco, diff] = await Promise.all([loadMonaco(), engine().call("node/diff", { nodeId, against: "root" })]);
    const contents = diff.files.filter((file) => file.after !== null).map((file) => ({ path: file.path, text: file.after ?? "" }));
    openEditSession(monaco, contents);
    useStudio.setState({ mode: "edit", busy: undefined, editFile: contents[0]?.path });
  } catch (error) {
    useStudio.setState({ busy: undefined });
    reportError("opening the node for editing", error);
  }
}

/** Leaves the editor without saving. */
export function cancelEdit(): void {
  closeEditSession();
  useStudio.setState({ mode: "diff", editFile: undefined });
}

/** Saves the edit as a new child of `parentId` (whole files); nothing changed: says so and stays. */
export async function saveEdit(parentId: string): Promise<void> {
  const changes = editChanges();
  if (Object.keys(changes).length === 0) {
    reportInfo("Nothing changed yet: edit a file, then save.");
    return;
  }
  useStudio.setState({ busy: { nodeId: parentId, action: "save" } });
  try {
    const node = await engine().call("node/addManualEdit", { parentId, changes });
    closeEditSession();
    useStudio.setState({ busy: undefined, editFile: undefined, mode: "diff" });
    reportInfo(`Saved as node ${node.id.slice(0, 8)}: it is being judged like any other.`);
    selectNode(node.id);
  } catch (error) {
    useStudio.setState({ busy: undefined });
    reportError("saving the edit", error);
  }
}
