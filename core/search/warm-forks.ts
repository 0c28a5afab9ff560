/**
 * Which checkpoint the runner's warm pool serves while the children of several nodes are judged
 * at once (a beam), and how many sandboxes it keeps started. The driver keeps one pool, and
 * switching drains the sandboxes it started, so the pool stays with one node until its children
 * are judged, then moves to the node with the most forks still to come; with nothing left to
 * judge it is drained. The target is the number of forks still to come (children the fast tier
 * may yet reject count until it does), so the pool does not start sandboxes nobody will take.
 */
import type { CheckpointHandle, Runner } from "./runner/runner.ts";

/** Tracks the nodes whose children are being judged and points the warm pool at one of them. */
export class WarmForks {
  private readonly judging = new Map<string, { base: CheckpointHandle; toFork: number; unfinished: number }>();
  private served: string | undefined;

  constructor(
    private readonly runner: Runner,
    /** The most sandboxes kept started (the session's sandboxes at once). */
    private readonly size: number,
  ) {}

  /** `count` children forking `base` are about to be judged. */
  started(base: CheckpointHandle, count: number): void {
    if (count <= 0) return;
    const entry = this.judging.get(base.id);
    if (entry) {
      entry.toFork += count;
      entry.unfinished += count;
    } else this.judging.set(base.id, { base, toFork: count, unfinished: count });
    this.update();
  }

  /** One child of `base` is about to fork it (its sandbox comes from the pool when one is ready). */
  forking(base: CheckpointHandle): void {
    const entry = this.judging.get(base.id);
    if (!entry) return;
    entry.toFork = Math.max(0, entry.toFork - 1);
    this.update();
  }

  /** One child of `base` has been judged (or skipped); `forked` when it called {@link WarmForks.forking}. */
  judged(base: CheckpointHandle, forked: boolean): void {
    const entry = this.judging.get(base.id);
    if (!entry) return;
    if (!forked) entry.toFork = Math.max(0, entry.toFork - 1);
    if (--entry.unfinished <= 0) this.judging.delete(base.id);
    this.update();
  }

  private update(): void {
    const current = this.served === undefined ? undefined : this.judging.get(this.served);
    const next = current ?? [...this.judging.values()].sort((a, b) => b.toFork - a.toFork)[0];
    if (!next) {
      if (this.served !== undefined) void this.runner.cool().catch(() => undefined);
      this.served = undefined;
      return;
    }
    this.served = next.base.id;
    this.runner.warm(next.base, Math.min(next.toFork, this.size));
  }
}
