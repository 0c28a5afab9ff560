/**
 * Stands in the tree area until engineer "tree"'s ForkTree lands (renderer/src/tree/), with the
 * same props, so swapping it is one import. Says how many nodes there are in each state; it is
 * not a tree view.
 */
import type { Tree } from "../../../shared/domain/tree.ts";

/** The agreed ForkTree props (see the issue). */
export interface ForkTreeProps {
  tree: Tree | undefined;
  selectedId: string | undefined;
  compareId: string | undefined;
  onSelect(nodeId: string, options: { compare: boolean }): void;
  onPin(nodeId: string): void;
  onPruneRequest(nodeId: string): void;
}

/** See the module comment. */
export function ForkTreePlaceholder({ tree }: ForkTreeProps) {
  const counts = new Map<string, number>();
  for (const node of Object.values(tree?.nodes ?? {})) counts.set(node.state, (counts.get(node.state) ?? 0) + 1);
  return (
    <div className="tree-placeholder" data-testid="tree-placeholder">
      <div className="state-title">Fork tree</div>
      <div className="muted">
        {tree ? `${Object.keys(tree.nodes).length} nodes: ${[...counts].map(([state, count]) => `${count} ${state}`).join(", ")}` : "no tree"}
      </div>
      <div className="muted">The tree view arrives with renderer/src/tree. Until then, open a node by its URL: #session=ID&amp;node=ID.</div>
    </div>
  );
}
