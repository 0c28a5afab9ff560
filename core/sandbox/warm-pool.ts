/**
 * A warm pool of already-started sandboxes for one checkpoint. Starting a container is the slow
 * part of a fork (hundreds of ms with runc); a pooled one is handed out at once and replaced in
 * the background. Generic over how sandboxes are made, so it is tested without Docker.
 */

/** How the pool makes and removes sandboxes. */
export interface PoolBackend {
  create(): Promise<string>;
  remove(id: string): Promise<void>;
}

/** After this many creations fail in a row the pool stops refilling (e.g. the daemon is gone). */
const maxConsecutiveFailures = 3;

/** Started sandboxes of one checkpoint, kept at `size`, made `concurrency` at a time. */
export class WarmPool {
  private readonly ready: string[] = [];
  private readonly waiters: ((id: string | undefined) => void)[] = [];
  private readonly pending = new Set<Promise<void>>();
  private fullWaiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private failures = 0;
  private lastError: unknown;
  private disposed = false;

  constructor(
    readonly key: string,
    private size: number,
    private readonly backend: PoolBackend,
    private readonly concurrency = 1,
  ) {
    this.fill();
  }

  /** The target number of ready sandboxes. */
  get targetSize(): number {
    return this.size;
  }

  /** Ids of sandboxes the pool holds now (ready ones). */
  get readyIds(): readonly string[] {
    return [...this.ready];
  }

  /**
   * Changes the target size. Shrinking only stops refilling: sandboxes already started stay for
   * the forks that are coming (the caller shrinks the target as forks are about to take them)
   * and are removed by {@link WarmPool.drain}.
   */
  resize(size: number): void {
    this.size = Math.max(0, size);
    this.failures = 0;
    this.fill();
    this.settleFullWaiters();
  }

  /** A ready sandbox, or one about to be ready; undefined when the caller should make one itself. */
  take(): Promise<string | undefined> {
    if (this.disposed) return Promise.resolve(undefined);
    const id = this.ready.shift();
    if (id !== undefined) {
      this.fill();
      return Promise.resolve(id);
    }
    if (this.waiters.length >= this.inFlight) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Resolves when `size` sandboxes are ready; rejects when refilling keeps failing. */
  whenFull(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.fullWaiters.push({ resolve, reject });
      this.settleFullWaiters();
    });
  }

  /** Stops refilling and removes every sandbox the pool holds or is making. */
  async drain(): Promise<void> {
    this.disposed = true;
    for (const waiter of this.waiters.splice(0)) waiter(undefined);
    const removals = this.ready.splice(0).map((id) => this.backend.remove(id).catch(() => undefined));
    const fullWaiters = this.fullWaiters.splice(0);
    for (const waiter of fullWaiters) waiter.reject(new Error("the warm pool was drained"));
    await Promise.all(removals);
    // A creation that finishes now queues its own removal: wait until nothing is left in flight.
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private fill(): void {
    while (!this.disposed && this.failures < maxConsecutiveFailures && this.inFlight < this.concurrency && this.ready.length + this.inFlight < this.size + this.waiters.length) {
      this.inFlight++;
      const work = this.backend.create().then(
        (id) => this.created(id),
        (error: unknown) => this.failed(error),
      );
      const tracked = work.finally(() => this.pending.delete(tracked));
      this.pending.add(tracked);
    }
  }

  private created(id: string): void {
    this.inFlight--;
    this.failures = 0;
    if (this.disposed) {
      this.discard(id);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter(id);
    else this.ready.push(id); // it was asked for: a smaller target since only stops refilling
    this.fill();
    this.settleFullWaiters();
  }

  private failed(error: unknown): void {
    this.inFlight--;
    this.failures++;
    this.lastError = error;
    const waiter = this.waiters.shift();
    if (waiter) waiter(undefined);
    this.fill();
    this.settleFullWaiters();
  }

  private settleFullWaiters(): void {
    if (this.ready.length >= this.size) {
      for (const waiter of this.fullWaiters.splice(0)) waiter.resolve();
    } else if (this.failures >= maxConsecutiveFailures && this.inFlight === 0) {
      for (const waiter of this.fullWaiters.splice(0)) waiter.reject(this.lastError);
    }
  }

  private discard(id: string): void {
    const removal = this.backend.remove(id).catch(() => undefined);
    const tracked = removal.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }
}
