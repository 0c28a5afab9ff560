/**
 * What the user does to a node: pin, unpin, prune (after a confirmation), expand now with a hint,
 * export its patch, apply it to the repository as a branch. The tree shows each change when the
 * engine's delta arrives; the store never edits a node itself.
 */
import { ForkliftError, toErrorValue } from "../../../shared/errors.ts";
import { studioBridge } from "../engine/bridge-dialer.ts";
import { engine } from "../engine/engine.ts";
import { reportError, reportInfo } from "../store/report.ts";
import { useStudio } from "../store/studio-store.ts";

/** Pins a node (kept in the beam whatever its score). */
export function pinNode(nodeId: string): Promise<void> {
  return busy(nodeId, "pin", async () => {
    await engine().call("node/pin", { nodeId });
  });
}

/** Unpins a node. */
export function unpinNode(nodeId: string): Promise<void> {
  return busy(nodeId, "unpin", async () => {
    await engine().call("node/unpin", { nodeId });
  });
}

/** Pins an unpinned node and unpins a pinned one (the tree's `p`). */
export function togglePin(nodeId: string): Promise<void> {
  const node = activeNode(nodeId);
  return node?.pinned ? unpinNode(nodeId) : pinNode(nodeId);
}

/** Asks before pruning a node: it is dropped for good and its sandboxes and images are removed. */
export function requestPrune(nodeId: string): void {
  const node = activeNode(nodeId);
  if (!node) return;
  if (node.parentId === undefined) {
    reportError("prune", new ForkliftError("invalid-input", "the root cannot be pruned; stop the session instead"));
    return;
  }
  useStudio.setState({
    confirmation: {
      title: `Prune node ${nodeId.slice(0, 8)}?`,
      message: "The search will never expand it again, and its sandboxes and checkpoint images are removed from Docker. Its record stays in the tree.",
      ...(node.checkpointImageId ? { details: [`checkpoint image ${node.checkpointImageId.slice(0, 19)}`] } : {}),
      okLabel: "Prune",
      onConfirm: () => void pruneNode(nodeId),
    },
  });
}

/** Prunes a node (no question asked: see requestPrune). */
export function pruneNode(nodeId: string): Promise<void> {
  return busy(nodeId, "prune", async () => {
    await engine().call("node/prune", { nodeId, reason: "pruned by the user" });
  });
}

/** Asks the generators for more hypotheses from a node now, optionally steered by a hint. */
export function expandNode(nodeId: string, hint: string): Promise<void> {
  return busy(nodeId, "expand", async () => {
    const trimmed = hint.trim();
    const { nodeIds } = await engine().call("node/expand", trimmed ? { nodeId, hint: trimmed } : { nodeId });
    reportInfo(nodeIds.length === 0 ? "No generator had a new hypothesis for this node." : `${nodeIds.length} new hypothes${nodeIds.length === 1 ? "is" : "es"} queued.`);
  });
}

/** Saves a node's patch: the native save dialog in Electron, a download in the browser. */
export function exportNode(nodeId: string): Promise<void> {
  return busy(nodeId, "export", async () => {
    const { patch, fileName } = await engine().call("node/export", { nodeId });
    const bridge = studioBridge();
    if (bridge) {
      const path = await bridge.saveFile(fileName, patch);
      if (path) reportInfo(`Patch saved to ${path}`);
      return;
    }
    download(fileName, patch);
  });
}

/** Commits a node on a new branch of the repository (the working tree is not touched); the result or the refusal shows in the inspector. */
export async function applyNode(nodeId: string, branch: string): Promise<void> {
  useStudio.setState({ applied: { nodeId, data: { kind: "loading" } } });
  try {
    const trimmed = branch.trim();
    const result = await engine().call("node/apply", trimmed ? { nodeId, branch: trimmed } : { nodeId });
    useStudio.setState({ applied: { nodeId, data: { kind: "ready", value: result } } });
  } catch (error) {
    useStudio.setState({ applied: { nodeId, data: { kind: "error", error: toErrorValue(error) } } });
  }
}

/**
 * Offers text as a file download through a Blob URL (no inline script, no data: navigation:
 * the page's CSP allows it), revoked once the click has been handled.
 */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/x-diff" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function activeNode(nodeId: string) {
  const state = useStudio.getState();
  const entry = state.activeSessionId ? state.trees[state.activeSessionId] : undefined;
  return entry?.kind === "ready" ? entry.tree.nodes[nodeId] : undefined;
}

async function busy(nodeId: string, action: string, run: () => Promise<void>): Promise<void> {
  useStudio.setState({ busy: { nodeId, action } });
  try {
    await run();
  } catch (error) {
    reportError(action, error);
  } finally {
    if (useStudio.getState().busy?.nodeId === nodeId) useStudio.setState({ busy: undefined });
  }
}
