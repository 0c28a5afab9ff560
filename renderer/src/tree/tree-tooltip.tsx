/** The card shown while the pointer rests on a node: what it is, its score, and why it failed when it did. */
import type { Node } from "../../../shared/domain/node.ts";
import { generatorOf } from "./find-nodes.ts";
import { formatScore } from "./node-style.ts";

/** Renders the card for a node at a screen point inside the tree area. */
export function TreeTooltip({ node, x, y, best, solution }: { node: Node; x: number; y: number; best: boolean; solution: boolean }) {
  const provenance = node.provenance;
  return (
    <div className="fork-tree-tooltip" data-testid="tree-tooltip" style={{ left: x + 14, top: y + 14 }}>
      <div className="fork-tree-tooltip-head">
        <code>{node.id.slice(0, 13)}</code>
        <span className={`fork-tree-state fork-tree-state-${node.state}`}>{node.state}</span>
      </div>
      <div>
        {generatorOf(node)}
        {provenance?.model ? ` · ${provenance.model}` : ""}
        {node.hypothesis.kind === "recipe" ? ` · ${node.hypothesis.ruleId} → ${node.hypothesis.fixId}` : ""} · depth {node.depth}
      </div>
      {node.score && (
        <div>
          score <b>{formatScore(node.score.value)}</b> · {node.score.sitesLeft} sites left · gates {node.score.gatesHeld ? "held" : "failed"}
        </div>
      )}
      {(node.votes > 1 || node.pinned || node.checkpointImageId || best || solution) && (
        <div className="fork-tree-tooltip-marks">
          {[solution && "solution", best && "best so far", node.pinned && "pinned", node.checkpointImageId && "checkpoint", node.votes > 1 && `${node.votes} votes`].filter(Boolean).join(" · ")}
        </div>
      )}
      {node.reason && <div className="fork-tree-tooltip-reason">{node.reason}</div>}
    </div>
  );
}
