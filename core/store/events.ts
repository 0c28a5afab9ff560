import { TreeDeltaSchema } from "../../shared/domain/tree-delta.ts";
import type { TreeDelta } from "../../shared/domain/tree-delta.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { Store } from "./open-store.ts";
import { parseJson } from "./rows.ts";

/** A tree delta before the log numbers it. */
export type UnnumberedDelta = WithoutSeq<TreeDelta>;
type WithoutSeq<T> = T extends unknown ? Omit<T, "seq"> : never;

/** Appends a delta to the event log and returns it numbered. Call inside the write transaction that made the change. */
export function appendEvent(store: Store, delta: UnnumberedDelta, at: number): TreeDelta {
  const sessionId = delta.kind === "session-updated" ? delta.session.id : delta.node.sessionId;
  const nodeId = delta.kind === "session-updated" ? null : delta.node.id;
  const { lastInsertRowid } = store
    .statement("INSERT INTO events (session_id, kind, node_id, payload, at) VALUES (?, ?, ?, ?, ?)")
    .run(sessionId, delta.kind, nodeId, JSON.stringify(delta), at);
  return { ...delta, seq: Number(lastInsertRowid) } as TreeDelta;
}

/** Options of {@link listEvents}. */
export interface ListEventsOptions {
  /** Only events after this seq (default 0: from the start). */
  since?: number;
  /** Only this session's events. */
  sessionId?: string;
  /** At most this many (default 1000); call again from the last seq for more. */
  limit?: number;
}

/** The event log after a seq, in order: how a subscriber catches up after a restart or reconnect. */
export function listEvents(store: Store, options: ListEventsOptions = {}): TreeDelta[] {
  const since = options.since ?? 0;
  const limit = options.limit ?? 1000;
  const rows = (
    options.sessionId === undefined
      ? store.statement("SELECT seq, payload FROM events WHERE seq > ? ORDER BY seq LIMIT ?").all(since, limit)
      : store.statement("SELECT seq, payload FROM events WHERE session_id = ? AND seq > ? ORDER BY seq LIMIT ?").all(options.sessionId, since, limit)
  ) as { seq: number; payload: string }[];
  return rows.map((row) => {
    const payload = parseJson(store, row.payload, `event ${row.seq}`);
    const parsed = TreeDeltaSchema.safeParse({ ...(payload as object), seq: row.seq });
    if (!parsed.success) throw new ForkliftError("store-corrupt", `${store.path}: event ${row.seq} is unreadable (the file was damaged or edited by hand)`);
    return parsed.data;
  });
}

/** The seq of the newest event (0 when the log is empty). */
export function lastEventSeq(store: Store): number {
  return Number(store.statement("SELECT coalesce(max(seq), 0) FROM events").pluck().get());
}
