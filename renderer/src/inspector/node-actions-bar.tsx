/** The selected node's actions: pin/unpin, prune, expand now (with a hint), edit by hand, export the patch, apply as a branch. */
import { useState } from "react";
import type { Node } from "../../../shared/domain/node.ts";
import { useStudio } from "../store/studio-store.ts";
import { startEdit } from "./edit-actions.ts";
import { applyNode, expandNode, exportNode, pinNode, requestPrune, unpinNode } from "./node-actions.ts";

/** See the module comment. */
export function NodeActionsBar({ node }: { node: Node }) {
  const busy = useStudio((state) => (state.busy?.nodeId === node.id ? state.busy.action : undefined));
  const [hint, setHint] = useState("");
  const [branch, setBranch] = useState("");
  const isRoot = node.parentId === undefined;
  const pruned = node.state === "pruned";
  return (
    <div className="node-actions">
      <div className="action-row">
        {node.pinned ? (
          <button data-testid="action-unpin" disabled={busy !== undefined} onClick={() => void unpinNode(node.id)} title="Let the search drop it again (p)">
            Unpin
          </button>
        ) : (
          <button data-testid="action-pin" disabled={busy !== undefined || pruned} onClick={() => void pinNode(node.id)} title="Keep it in the beam whatever its score (p)">
            Pin
          </button>
        )}
        <button data-testid="action-prune" className="danger-text" disabled={busy !== undefined || pruned || isRoot} onClick={() => requestPrune(node.id)} title="Drop it for good; its sandboxes and images go (Delete)">
          Prune
        </button>
        <button data-testid="action-edit" disabled={busy !== undefined} onClick={() => void startEdit(node.id)} title="Edit its files in Monaco; saving makes a child node">
          {busy === "edit" ? "Opening…" : "Edit…"}
        </button>
        <button data-testid="action-export" disabled={busy !== undefined} onClick={() => void exportNode(node.id)} title="Save a git-apply-able patch against the root commit">
          {busy === "export" ? "Exporting…" : "Export patch"}
        </button>
      </div>
      <form
        className="action-row"
        onSubmit={(event) => {
          event.preventDefault();
          void expandNode(node.id, hint).then(() => setHint(""));
        }}
      >
        <input data-testid="expand-hint" value={hint} onChange={(event) => setHint(event.target.value)} placeholder="hint for the next hypotheses (optional)" disabled={pruned} />
        <button data-testid="action-expand" type="submit" disabled={busy !== undefined || pruned || node.state !== "scored"} title={node.state === "scored" ? "Ask the generators for more hypotheses from this node now" : "Only a scored node can be expanded"}>
          {busy === "expand" ? "Expanding…" : "Expand now"}
        </button>
      </form>
      <form
        className="action-row"
        onSubmit={(event) => {
          event.preventDefault();
          void applyNode(node.id, branch);
        }}
      >
        <input data-testid="apply-branch" value={branch} onChange={(event) => setBranch(event.target.value)} placeholder="branch (default forklift/<session>)" spellCheck={false} />
        <button data-testid="action-apply" type="submit" title="Commit this node on a new branch of the repository; your working tree is not touched">
          Apply as branch
        </button>
      </form>
      <ApplyResult nodeId={node.id} />
    </div>
  );
}

function ApplyResult({ nodeId }: { nodeId: string }) {
  const applied = useStudio((state) => (state.applied?.nodeId === nodeId ? state.applied.data : undefined));
  if (!applied) return null;
  if (applied.kind === "loading")
    return (
      <div className="apply-result" data-testid="apply-result" data-state="loading">
        Applying…
      </div>
    );
  if (applied.kind === "error")
    return (
      <div className="apply-result bad" data-testid="apply-result" data-state="error" data-code={applied.error.code} role="alert">
        Not applied: {applied.error.message}
      </div>
    );
  return (
    <div className="apply-result ok" data-testid="apply-result" data-state="applied" data-branch={applied.value.branch} data-commit={applied.value.commit}>
      Branch <span className="mono">{applied.value.branch}</span> created at <span className="mono">{applied.value.commit.slice(0, 12)}</span>
    </div>
  );
}
