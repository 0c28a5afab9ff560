/** The sessions of the store, the one being looked at, each one's info, and the new-session form. */
import type { Session } from "../../../shared/domain/session.ts";
import type { GeneratorName } from "../../../shared/protocol/contract.ts";
import type { SessionInfo } from "../../../shared/protocol/session-info.ts";
import type { SpecCheck } from "../../../shared/protocol/spec-check.ts";
import type { Loadable } from "../store/loadable.ts";
import type { StudioSlice } from "../store/studio-store.ts";

/** What the new-session form holds while the user fills it in. */
export interface SessionDraft {
  repoPath: string;
  specPath: string;
  generators: GeneratorName[];
  /** Make the repository's uncommitted work part of the root instead of refusing it. */
  allowDirty: boolean;
  /** The spec as read from specPath (what session/start will use). */
  specFile?: Loadable<{ path: string; text: string }>;
  /** The text in the spec editor (the file's, or the user's edits of it). */
  specText?: string;
  /** Validation of specText. */
  specCheck?: Loadable<SpecCheck>;
  /** Prepared by demo/prepare. */
  demo: boolean;
  starting: boolean;
}

/** See the module comment. */
export interface SessionsSlice {
  sessions: Loadable<Session[]>;
  activeSessionId?: string;
  infos: Record<string, Loadable<SessionInfo>>;
  draft?: SessionDraft;
}

/** Creates the sessions slice. */
export const createSessionsSlice: StudioSlice<SessionsSlice> = () => ({
  sessions: { kind: "loading" },
  infos: {},
});

/** The list with this session in it: replaced where it was, otherwise first (newest first). */
export function upsertSession(sessions: Session[], session: Session): Session[] {
  const at = sessions.findIndex((candidate) => candidate.id === session.id);
  if (at === -1) return [session, ...sessions];
  if (sessions[at]?.updatedAt !== undefined && sessions[at].updatedAt > session.updatedAt) return sessions;
  return sessions.map((candidate, index) => (index === at ? session : candidate));
}

/** An empty form: every generator, or only the recipe one when no LLM endpoint is configured. */
export function emptyDraft(llmConfigured = true): SessionDraft {
  return { repoPath: "", specPath: "", generators: llmConfigured ? ["recipe", "llm"] : ["recipe"], allowDirty: false, demo: false, starting: false };
}
