/**
 * Which checkpoint the runner's warm pool serves while the children of several nodes are judged
 * at once (a beam). The driver keeps one pool, and switching drains the sandboxes it started, so
 * the pool stays with one node until its children are judged, then moves to the node with the
 * most children left; with nothing left to judge it is drained.
 */
import type { CheckpointHandle, Runner } from "./runner/runner.ts";

/** Tracks the nodes whose children are being judged and points the warm pool at one of them. */
export class WarmForks {
  private readonly judging = new Map<string, { base: CheckpointHandle; left: number }>();
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
    if (entry) entry.left += count;
    else this.judging.set(base.id, { base, left: count });
    this.update();
  }

  /** One child of `base` has been judged (or skipped). */
  judged(base: CheckpointHandle): void {
    const entry = this.judging.get(base.id);
    if (!entry) return;
    if (--entry.left <= 0) this.judging.delete(base.id);
    this.update();
  }

  private update(): void {
    const current = this.served === undefined ? undefined : this.judging.get(this.served);
    const next = current ?? [...this.judging.values()].sort((a, b) => b.left - a.left)[0];
    if (!next) {
      if (this.served !== undefined) void this.runner.cool().catch(() => undefined);
      this.served = undefined;
      return;
    }
    this.served = next.base.id;
    this.runner.warm(next.base, Math.max(1, Math.min(next.left, this.size)));
  }
}
