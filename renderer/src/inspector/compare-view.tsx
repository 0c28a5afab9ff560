/** Two nodes side by side: their scores and states, and what differs between them in the diff editor. */
import type { Node } from "../../../shared/domain/node.ts";
import { useStudio } from "../store/studio-store.ts";
import { useActiveNode } from "../trees/use-active-tree.ts";
import { EmptyState, ErrorState, Loading } from "../ui/error-state.tsx";
import { shortId } from "../ui/format.ts";
import { DiffEditorBox, useShownDiff } from "./diff-view.tsx";
import { FileList } from "./file-list.tsx";
import { loadComparison } from "./inspector-loads.ts";
import { compareWith } from "./selection-actions.ts";

/** See the module comment. */
export function CompareView({ leftId, rightId }: { leftId: string; rightId: string }) {
  const comparison = useStudio((state) => (state.comparison?.leftId === leftId && state.comparison.rightId === rightId ? state.comparison : undefined));
  const file = useStudio((state) => state.compareFile);
  const left = useActiveNode(leftId);
  const right = useActiveNode(rightId);
  const data = comparison?.data.kind === "ready" ? comparison.data.value : undefined;
  const ready = useShownDiff(data, file, `compare:${leftId}:${rightId}`);
  return (
    <div className="compare-view" data-testid="compare-view" data-left-id={leftId} data-right-id={rightId} data-ready={ready ? "true" : "false"}>
      <div className="compare-header">
        <NodeCard node={left} id={leftId} side="left" />
        <span className="compare-arrow">→</span>
        <NodeCard node={right} id={rightId} side="right" />
        <span className="spacer" />
        <button className="small" onClick={() => compareWith(undefined)} title="Back to the selected node's own diff (Escape)">
          Close compare
        </button>
      </div>
      {(!comparison || comparison.data.kind === "loading") && <Loading what="Comparing" />}
      {comparison?.data.kind === "error" && (
        <ErrorState code={comparison.data.error.code} title="The nodes could not be compared" action={<button onClick={() => void loadComparison(leftId, rightId)}>Retry</button>}>
          {comparison.data.error.message}
        </ErrorState>
      )}
      {data && data.files.length === 0 && <EmptyState title="The two nodes have the same files" />}
      {data && data.files.length > 0 && (
        <div className="diff-body">
          <FileList files={data.files} selected={file} onSelect={(path) => useStudio.setState({ compareFile: path })} />
          <DiffEditorBox />
        </div>
      )}
    </div>
  );
}

function NodeCard({ node, id, side }: { node: Node | undefined; id: string; side: string }) {
  return (
    <div className={`node-card node-card-${side}`}>
      <span className="mono">{shortId(id)}</span>
      {node && <span className={`state-badge state-${node.state}`}>{node.state}</span>}
      {node?.score && (
        <span className="muted">
          score {node.score.value.toFixed(2)} · {node.score.sitesLeft} sites
        </span>
      )}
    </div>
  );
}
