import { ForkliftError } from "../../shared/errors.ts";
import type { Store } from "./open-store.ts";

/** Who holds a session's lease: the one process allowed to run (expand, check, checkpoint) the session. */
export interface LeaseHolder {
  /** A random token of the holding runner (one per engine and session). */
  readonly owner: string;
  readonly pid: number;
  readonly host: string;
  readonly acquiredAt: number;
  /** When the holder last said it is alive (epoch ms). */
  readonly heartbeatAt: number;
}

/** Who asks for a lease. */
export interface LeaseClaim {
  readonly owner: string;
  readonly pid: number;
  readonly host: string;
}

/** The outcome of {@link acquireLease}: the lease is ours (perhaps taken over from a dead holder), or someone alive holds it. */
export type LeaseOutcome =
  | { readonly kind: "acquired"; readonly takenOver: LeaseHolder | undefined }
  | { readonly kind: "held"; readonly holder: LeaseHolder };

interface LeaseRow {
  owner: string;
  pid: number;
  host: string;
  acquired_at: number;
  heartbeat_at: number;
}

/**
 * Takes a session's lease in ONE write transaction (so of two processes racing, one wins), unless
 * another owner holds it and `isStale` says that holder is alive. Taking it again as its own
 * owner renews it.
 */
export function acquireLease(store: Store, sessionId: string, claim: LeaseClaim, isStale: (holder: LeaseHolder) => boolean, now = Date.now()): LeaseOutcome {
  return store.write(() => {
    if (store.statement("SELECT 1 FROM sessions WHERE id = ?").get(sessionId) === undefined) {
      throw new ForkliftError("not-found", `no session ${sessionId} in the store`);
    }
    const holder = getLease(store, sessionId);
    if (holder && holder.owner !== claim.owner && !isStale(holder)) return { kind: "held", holder };
    store
      .statement(
        `INSERT INTO session_leases (session_id, owner, pid, host, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, host = excluded.host,
           acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
      )
      .run(sessionId, claim.owner, claim.pid, claim.host, holder?.owner === claim.owner ? holder.acquiredAt : now, now);
    return { kind: "acquired", takenOver: holder && holder.owner !== claim.owner ? holder : undefined };
  });
}

/** Says the owner is alive; false when the lease is no longer its own (another runner took it over). */
export function renewLease(store: Store, sessionId: string, owner: string, now = Date.now()): boolean {
  return store.write(() => store.statement("UPDATE session_leases SET heartbeat_at = ? WHERE session_id = ? AND owner = ?").run(now, sessionId, owner).changes === 1);
}

/** Gives the lease up (a no-op when the owner does not hold it). */
export function releaseLease(store: Store, sessionId: string, owner: string): void {
  store.write(() => store.statement("DELETE FROM session_leases WHERE session_id = ? AND owner = ?").run(sessionId, owner));
}

/** The holder of a session's lease, if any (alive or not: see the engine's session-lease for that). */
export function getLease(store: Store, sessionId: string): LeaseHolder | undefined {
  const row = store.statement("SELECT owner, pid, host, acquired_at, heartbeat_at FROM session_leases WHERE session_id = ?").get(sessionId) as LeaseRow | undefined;
  return row && { owner: row.owner, pid: row.pid, host: row.host, acquiredAt: row.acquired_at, heartbeatAt: row.heartbeat_at };
}
