/**
 * A small counting semaphore: at most `limit` tasks run at once, the rest wait in FIFO order.
 * The llm generator shares one across every node of a run (`llmCallsAtOnce`) so K samples times
 * several frontier nodes never open more calls than the endpoint (or a local GPU) can serve.
 */

/** Runs tasks with bounded concurrency. */
export interface Limiter {
  /** How many tasks may run at once. */
  readonly limit: number;
  /** Tasks running now. */
  readonly running: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
  /**
   * Runs `task` once a slot is free. If `signal` aborts while waiting, the task never starts and
   * the returned promise rejects with the signal's reason.
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

/** Creates a {@link Limiter} allowing `limit` (≥ 1) tasks at once. */
export function createLimiter(limit: number): Limiter {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limiter: limit must be an integer ≥ 1, got ${limit}`);
  let running = 0;
  const queue: (() => void)[] = [];

  const release = () => {
    running--;
    const next = queue.shift();
    if (next) next();
  };

  const acquire = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      if (running < limit) {
        running++;
        return resolve();
      }
      const start = () => {
        signal?.removeEventListener("abort", onAbort);
        running++;
        resolve();
      };
      const onAbort = () => {
        const at = queue.indexOf(start);
        if (at >= 0) queue.splice(at, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      queue.push(start);
    });

  return {
    limit,
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
    async run(task, signal) {
      await acquire(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
