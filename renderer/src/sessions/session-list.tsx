/** The sessions of the store, newest first: pick one to see its tree; start a new one or the demo. */
import type { Session } from "../../../shared/domain/session.ts";
import { useStudio } from "../store/studio-store.ts";
import { ErrorState, Loading } from "../ui/error-state.tsx";
import { formatAge, shortId } from "../ui/format.ts";
import { openDemo, openNewSession } from "./draft-actions.ts";
import { loadSessions, selectSession } from "./session-actions.ts";

/** See the module comment. */
export function SessionList() {
  const sessions = useStudio((state) => state.sessions);
  const activeId = useStudio((state) => state.activeSessionId);
  return (
    <div className="session-list-pane">
      <div className="pane-header">
        <span>Sessions</span>
        <button className="small" data-testid="new-session" onClick={openNewSession} title="Start a migration on a repository">
          New
        </button>
      </div>
      <div data-testid="session-list" className="session-list" role="listbox" aria-label="Sessions">
        {sessions.kind === "loading" && <Loading what="Loading sessions" />}
        {sessions.kind === "error" && (
          <ErrorState code={sessions.error.code} title="The sessions could not be listed" action={<button onClick={() => void loadSessions()}>Retry</button>}>
            {sessions.error.message}
          </ErrorState>
        )}
        {sessions.kind === "ready" && sessions.value.length === 0 && <div className="hint list-hint">No sessions yet.</div>}
        {sessions.kind === "ready" &&
          sessions.value.map((session) => <SessionItem key={session.id} session={session} active={session.id === activeId} />)}
      </div>
      <button className="link-button" data-testid="demo-open" onClick={() => void openDemo()} title="A fresh copy of the bundled sample app, ready to migrate with the recipe generator">
        Open the demo
      </button>
    </div>
  );
}

function SessionItem({ session, active }: { session: Session; active: boolean }) {
  const repo = session.repoPath.split(/[\\/]/).filter(Boolean).at(-1) ?? session.repoPath;
  return (
    <div
      className={`session-item ${active ? "active" : ""}`}
      data-testid="session-item"
      data-session-id={session.id}
      role="option"
      aria-selected={active}
      tabIndex={0}
      onClick={() => selectSession(session.id)}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") selectSession(session.id);
      }}
      title={`${session.specName} on ${session.repoPath}${session.reason ? `: ${session.reason}` : ""}`}
    >
      <div className="session-item-line">
        <span className={`status-dot status-${session.status}`} />
        <span className="session-item-name">{session.specName}</span>
        <span className="session-item-status">{session.status}</span>
      </div>
      <div className="session-item-sub">
        {repo} · {shortId(session.id)} · {formatAge(session.createdAt)}
      </div>
    </div>
  );
}
