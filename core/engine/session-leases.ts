/**
 * One runner per session: before a process opens a session's runtime (which expands it, makes
 * and removes its checkpoints) it takes the session's lease in the store, and renews it with a
 * heartbeat while it holds it. A second process is refused with who holds it; a lease whose
 * holder died (its pid is gone on this host, or its heartbeat stopped) is taken over.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { ForkliftError } from "../../shared/errors.ts";
import { acquireLease, getLease, releaseLease, renewLease } from "../store/index.ts";
import type { LeaseHolder, Store } from "../store/index.ts";

/** How often a holder renews its leases. */
export const leaseHeartbeatMs = 5_000;
/** A lease not renewed for this long is stale whatever its process (another host, a frozen process, a reused pid). */
export const leaseStaleMs = 30_000;

/** Whether a lease's holder is alive: its heartbeat is recent and, on this host, its process exists. */
export function leaseIsLive(holder: LeaseHolder, now = Date.now(), host = hostname()): boolean {
  if (now - holder.heartbeatAt >= leaseStaleMs) return false;
  return holder.host !== host || processExists(holder.pid);
}

/** What a session's lease says about who runs it now. */
export type SessionActivity =
  | { readonly kind: "live"; readonly holder: LeaseHolder }
  | { readonly kind: "idle" }
  /** Its status says it runs, but no live process holds it: the process was killed or crashed (resume continues it). */
  | { readonly kind: "interrupted" };

/** Tells a session that a live process runs from one whose process is gone (for `tree` and the studio). */
export function sessionActivity(store: Store, session: { readonly id: string; readonly status: string }, now = Date.now()): SessionActivity {
  const holder = getLease(store, session.id);
  if (holder && leaseIsLive(holder, now)) return { kind: "live", holder };
  return session.status === "running" || session.status === "preparing" ? { kind: "interrupted" } : { kind: "idle" };
}

/** One line about a lease holder: `pid 4242 on build-1, heartbeat 2 s ago`. */
export function describeHolder(holder: LeaseHolder, now = Date.now()): string {
  return `pid ${holder.pid} on ${holder.host}, heartbeat ${Math.max(0, Math.round((now - holder.heartbeatAt) / 1000))} s ago`;
}

/** The leases one engine holds, with their heartbeat. */
export class SessionLeases {
  /** This engine's token in the leases it holds. */
  readonly owner = randomUUID();
  private readonly held = new Set<string>();
  private readonly lost = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly onLost: (sessionId: string) => void,
  ) {}

  /** Takes the session's lease, or throws "session-busy" naming the live holder. */
  acquire(sessionId: string): void {
    if (this.held.has(sessionId)) return;
    const outcome = acquireLease(this.store, sessionId, { owner: this.owner, pid: process.pid, host: hostname() }, (holder) => !leaseIsLive(holder));
    if (outcome.kind === "held") {
      throw new ForkliftError(
        "session-busy",
        `session ${sessionId.slice(0, 8)} is being run by another process (${describeHolder(outcome.holder)}): wait for it to end, or stop it (Ctrl-C pauses it) and resume here`,
      );
    }
    this.held.add(sessionId);
    this.lost.delete(sessionId);
    this.timer ??= setInterval(() => this.heartbeat(), leaseHeartbeatMs).unref();
  }

  /** Throws "session-busy" when another live process holds the session (before changing its status from here). */
  refuseIfBusy(sessionId: string): void {
    if (this.held.has(sessionId)) return;
    const holder = getLease(this.store, sessionId);
    if (holder && holder.owner !== this.owner && leaseIsLive(holder)) {
      throw new ForkliftError("session-busy", `session ${sessionId.slice(0, 8)} is being run by another process (${describeHolder(holder)}): pause or stop it there`);
    }
  }

  /** Whether this engine still holds the session (false once another process took it over). */
  holds(sessionId: string): boolean {
    return this.held.has(sessionId) && !this.lost.has(sessionId);
  }

  /** Gives the session's lease up. */
  release(sessionId: string): void {
    if (!this.held.delete(sessionId)) return;
    if (!this.lost.delete(sessionId)) this.quietly(() => releaseLease(this.store, sessionId, this.owner));
    if (this.held.size === 0) this.stop();
  }

  /** Gives every lease up (the engine closes). */
  releaseAll(): void {
    for (const sessionId of [...this.held]) this.release(sessionId);
    this.stop();
  }

  private heartbeat(): void {
    for (const sessionId of this.held) {
      if (this.lost.has(sessionId)) continue;
      const renewed = this.quietly(() => renewLease(this.store, sessionId, this.owner));
      if (renewed === false) {
        this.lost.add(sessionId);
        this.onLost(sessionId);
      }
    }
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A heartbeat must never throw out of a timer (a busy store just skips one beat). */
  private quietly<T>(fn: () => T): T | undefined {
    try {
      return fn();
    } catch {
      return undefined;
    }
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by another user
  }
}
