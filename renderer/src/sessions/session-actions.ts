/** What the user does with sessions: list, pick one, start (from the form), pause, resume, stop. */
import { toErrorValue } from "../../../shared/errors.ts";
import type { Session } from "../../../shared/domain/session.ts";
import { engine } from "../engine/engine.ts";
import { clearSelection } from "../inspector/selection-actions.ts";
import { writeLocation } from "../app/location-state.ts";
import { reportError } from "../store/report.ts";
import { useStudio } from "../store/studio-store.ts";
import { followTree } from "../trees/tree-actions.ts";
import { upsertSession } from "./sessions-slice.ts";

/** Fetches the session list; picks the newest session when none is active yet. */
export async function loadSessions(): Promise<void> {
  try {
    const sessions = await engine().call("session/list", {});
    useStudio.setState({ sessions: { kind: "ready", value: sessions } });
    const { activeSessionId, draft } = useStudio.getState();
    if (activeSessionId === undefined && draft === undefined && sessions[0]) selectSession(sessions[0].id);
  } catch (error) {
    useStudio.setState({ sessions: { kind: "error", error: toErrorValue(error) } });
  }
}

/** Makes a session the active one: its tree is followed, its info fetched, the selection cleared. */
export function selectSession(sessionId: string): void {
  const state = useStudio.getState();
  if (state.activeSessionId !== sessionId) {
    useStudio.setState({ activeSessionId: sessionId, draft: undefined });
    clearSelection();
  }
  writeLocation({ session: sessionId, node: useStudio.getState().selectedId });
  void followTree(sessionId);
  void loadSessionInfo(sessionId);
}

/** Fetches a session's info (spec, budgets, spend). */
export async function loadSessionInfo(sessionId: string): Promise<void> {
  try {
    const info = await engine().call("session/info", { sessionId });
    useStudio.setState((state) => ({ infos: { ...state.infos, [sessionId]: { kind: "ready", value: info } } }));
  } catch (error) {
    useStudio.setState((state) => ({ infos: { ...state.infos, [sessionId]: { kind: "error", error: toErrorValue(error) } } }));
  }
}

/** Pauses, resumes or stops a session; the list shows the answer at once, the tree's event follows. */
export async function controlSession(sessionId: string, verb: "pause" | "resume" | "stop"): Promise<void> {
  try {
    const session = await engine().call(`session/${verb}`, { sessionId });
    noteSession(session);
    void loadSessionInfo(sessionId);
  } catch (error) {
    reportError(`${verb} the session`, error);
  }
}

/** Puts a session the engine answered with into the list. */
export function noteSession(session: Session): void {
  useStudio.setState((state) => (state.sessions.kind === "ready" ? { sessions: { kind: "ready", value: upsertSession(state.sessions.value, session) } } : {}));
}
