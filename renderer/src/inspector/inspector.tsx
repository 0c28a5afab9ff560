/** The inspector: the selected node's summary and actions, its diff (or a comparison, or the hand editor), then its hypothesis, checks, score and provenance. */
import type { Node } from "../../../shared/domain/node.ts";
import { useStudio } from "../store/studio-store.ts";
import { useActiveNode, useActiveTreeEntry } from "../trees/use-active-tree.ts";
import { EmptyState, Loading } from "../ui/error-state.tsx";
import { shortId } from "../ui/format.ts";
import { ChecksView } from "./checks-view.tsx";
import { CompareView } from "./compare-view.tsx";
import { DiffView } from "./diff-view.tsx";
import { EditView } from "./edit-view.tsx";
import { HypothesisView } from "./hypothesis-view.tsx";
import { NodeActionsBar } from "./node-actions-bar.tsx";
import { ProvenanceView } from "./provenance-view.tsx";
import { ScoreBreakdown } from "./score-breakdown.tsx";

/** See the module comment. */
export function Inspector() {
  const selectedId = useStudio((state) => state.selectedId);
  const compareId = useStudio((state) => state.compareId);
  const mode = useStudio((state) => state.mode);
  const entry = useActiveTreeEntry();
  const node = useActiveNode(selectedId);
  if (selectedId === undefined)
    return (
      <div className="inspector" data-testid="inspector">
        <EmptyState title="No node selected">
          {entry ? "Select a node in the tree to see its diff, checks and score. Shift-click (or Ctrl-click) a second node to compare the two." : "Pick a session on the left."}
        </EmptyState>
      </div>
    );
  if (!node)
    return (
      <div className="inspector" data-testid="inspector" data-node-id={selectedId}>
        {entry?.kind === "ready" ? <EmptyState title={`Node ${shortId(selectedId)} is not in this session's tree`}>It may belong to another session.</EmptyState> : <Loading what="Loading the tree" />}
      </div>
    );
  return (
    <div className="inspector" data-testid="inspector" data-node-id={node.id}>
      <NodeSummary node={node} />
      {/* keyed by node: a branch name or hint typed for one node never carries over to the next */}
      <NodeActionsBar key={node.id} node={node} />
      <div className="inspector-main">
        {mode === "edit" && <EditView nodeId={node.id} />}
        {mode === "compare" && compareId !== undefined && <CompareView leftId={node.id} rightId={compareId} />}
        {(mode === "diff" || (mode === "compare" && compareId === undefined)) && <DiffView nodeId={node.id} isRoot={node.parentId === undefined} />}
      </div>
      <div className="inspector-details">
        <HypothesisView hypothesis={node.hypothesis} />
        <ChecksView nodeId={node.id} summaries={node.checks} />
        <ScoreBreakdown score={node.score} checks={node.checks} />
        <ProvenanceView node={node} />
      </div>
    </div>
  );
}

function NodeSummary({ node }: { node: Node }) {
  return (
    <div className="node-summary">
      <span className="mono node-id" title={node.id}>
        {shortId(node.id)}
      </span>
      <span className={`state-badge state-${node.state}`} data-testid="node-state">
        {node.state}
      </span>
      {node.pinned && <span className="badge">pinned</span>}
      {node.checkpointImageId && <span className="badge" title={node.checkpointImageId}>checkpoint</span>}
      {node.score?.sitesLeft === 0 && node.score.gatesHeld && <span className="badge badge-solution">solution</span>}
      <span className="muted">depth {node.depth}</span>
      {node.score && <span className="muted">score {node.score.value.toFixed(2)}</span>}
      {node.reason && (
        <div className="node-reason" title={node.reason}>
          {node.reason}
        </div>
      )}
    </div>
  );
}
