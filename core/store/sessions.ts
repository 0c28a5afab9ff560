import { randomUUID } from "node:crypto";
import type { Node } from "../../shared/domain/node.ts";
import { SessionSchema } from "../../shared/domain/session.ts";
import type { Session, SessionStatus } from "../../shared/domain/session.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { StoredChanges } from "./changesets.ts";
import { appendEvent } from "./events.ts";
import { insertNode } from "./nodes.ts";
import type { Store } from "./open-store.ts";
import { sessionFromRow, withoutUndefined } from "./rows.ts";
import type { SessionRow } from "./rows.ts";

/** What a new session is made of. */
export interface NewSession {
  specName: string;
  specHash: string;
  repoPath: string;
  rootCommit: string;
  rootCheckpointId?: string;
  /** Default "preparing". */
  status?: SessionStatus;
  /** Changes the root holds on top of the root commit, e.g. uncommitted work the user chose to include, as bytes and modes (default none). */
  rootChanges?: StoredChanges;
}

/** Creates a session and its root node (state pending, waiting for its baseline checks) in ONE transaction, with their events. */
export function createSession(store: Store, input: NewSession): { session: Session; root: Node } {
  return store.write(() => {
    const now = Date.now();
    const session = validSession({
      id: randomUUID(),
      specName: input.specName,
      specHash: input.specHash,
      repoPath: input.repoPath,
      rootCommit: input.rootCommit,
      rootCheckpointId: input.rootCheckpointId,
      status: input.status ?? "preparing",
      createdAt: now,
      updatedAt: now,
    });
    writeSession(store, session, "INSERT");
    appendEvent(store, { kind: "session-updated", session }, now);
    const root = insertNode(store, {
      sessionId: session.id,
      parentId: undefined,
      depth: 0,
      hypothesis: { kind: "root" },
      provenance: undefined,
      changes: input.rootChanges ?? {},
      state: "pending",
      reason: undefined,
      votes: 1,
    });
    return { session, root };
  });
}

/** A change to a session. A new `status` replaces `reason` too. */
export interface SessionUpdate {
  status?: SessionStatus;
  reason?: string;
  rootCheckpointId?: string;
}

/** Changes a session and appends its `session-updated` event in ONE transaction. */
export function updateSession(store: Store, sessionId: string, update: SessionUpdate): Session {
  return store.write(() => {
    const before = getSession(store, sessionId);
    if (!before) throw new ForkliftError("not-found", `no session ${sessionId} in the store`);
    const after = validSession({
      ...before,
      status: update.status ?? before.status,
      reason: update.status !== undefined && update.status !== before.status ? update.reason : (update.reason ?? before.reason),
      rootCheckpointId: update.rootCheckpointId ?? before.rootCheckpointId,
    });
    if (JSON.stringify(after) === JSON.stringify(before)) return before;
    after.updatedAt = Math.max(Date.now(), before.updatedAt);
    writeSession(store, after, "UPDATE");
    appendEvent(store, { kind: "session-updated", session: after }, after.updatedAt);
    return after;
  });
}

/** A session by id, or undefined. */
export function getSession(store: Store, sessionId: string): Session | undefined {
  const row = store.statement("SELECT * FROM sessions WHERE id = ?").get(sessionId) as SessionRow | undefined;
  return row && sessionFromRow(store, row);
}

/** Every session, newest first. */
export function listSessions(store: Store): Session[] {
  const rows = store.statement("SELECT * FROM sessions ORDER BY created_at DESC, id").all() as SessionRow[];
  return rows.map((row) => sessionFromRow(store, row));
}

function writeSession(store: Store, session: Session, how: "INSERT" | "UPDATE"): void {
  const values = [
    session.specName,
    session.specHash,
    session.repoPath,
    session.rootCommit,
    session.rootCheckpointId ?? null,
    session.status,
    session.reason ?? null,
    session.createdAt,
    session.updatedAt,
    session.id,
  ];
  store
    .statement(
      how === "INSERT"
        ? `INSERT INTO sessions (spec_name, spec_hash, repo_path, root_commit, root_checkpoint_id, status, reason, created_at, updated_at, id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
        : `UPDATE sessions SET spec_name = ?, spec_hash = ?, repo_path = ?, root_commit = ?, root_checkpoint_id = ?, status = ?, reason = ?,
           created_at = ?, updated_at = ? WHERE id = ?`,
    )
    .run(...values);
}

function validSession(session: Session): Session {
  const result = SessionSchema.safeParse(withoutUndefined(session));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ForkliftError("invalid-input", `invalid session: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "rejected"}`);
  }
  return withoutUndefined(result.data);
}
