/** The middle of the studio: the new-session form, or the active session's bar above its fork tree, or what to do when there is none. */
import { requestPrune, togglePin } from "../inspector/node-actions.ts";
import { selectNode } from "../inspector/selection-actions.ts";
import { openDemo } from "../sessions/draft-actions.ts";
import { NewSessionForm } from "../sessions/new-session-form.tsx";
import { SessionBar } from "../sessions/session-bar.tsx";
import { useStudio } from "../store/studio-store.ts";
import { ForkTree } from "../tree/index.ts";
import { followTree } from "../trees/tree-actions.ts";
import { useActiveTreeEntry } from "../trees/use-active-tree.ts";
import { EmptyState, ErrorState, Loading } from "../ui/error-state.tsx";

/** See the module comment. */
export function TreeArea() {
  const draft = useStudio((state) => state.draft);
  const activeId = useStudio((state) => state.activeSessionId);
  const session = useStudio((state) => (state.sessions.kind === "ready" ? state.sessions.value.find((candidate) => candidate.id === state.activeSessionId) : undefined));
  const hasSessions = useStudio((state) => state.sessions.kind === "ready" && state.sessions.value.length > 0);
  const selectedId = useStudio((state) => state.selectedId);
  const compareId = useStudio((state) => state.compareId);
  const entry = useActiveTreeEntry();
  if (draft) return <NewSessionForm draft={draft} />;
  if (!activeId)
    return (
      <EmptyState
        title={hasSessions ? "Pick a session" : "No sessions yet"}
        action={
          hasSessions ? undefined : (
            <button className="primary" onClick={() => void openDemo()}>
              Open the demo
            </button>
          )
        }
      >
        {hasSessions
          ? "Choose a session on the left to see its fork tree."
          : "Try the bundled demo: a sample app moved from console.* to its logger by structural rewrites, no API key needed. Or start a session on your own repository with New."}
      </EmptyState>
    );
  const tree = entry?.kind === "ready" ? entry.tree : undefined;
  // the list learns of a pause from the engine's answer, the tree from its delta: show the newer
  const shown = tree && (!session || tree.session.updatedAt >= session.updatedAt) ? tree.session : session;
  return (
    <div className="tree-area">
      {shown && <SessionBar session={shown} tree={tree} />}
      <div className="tree-box">
        {(!entry || entry.kind === "loading") && <Loading what="Loading the tree" />}
        {entry?.kind === "error" && (
          <ErrorState code={entry.error.code} title="The tree could not be loaded" action={<button onClick={() => void followTree(activeId, true)}>Retry</button>}>
            {entry.error.message}
          </ErrorState>
        )}
        {tree && (
          <ForkTree
            tree={tree}
            selectedId={selectedId}
            compareId={compareId}
            onSelect={(nodeId, { compare }) => selectNode(nodeId, { compare })}
            onPin={(nodeId) => void togglePin(nodeId)}
            onPruneRequest={requestPrune}
          />
        )}
      </div>
    </div>
  );
}
