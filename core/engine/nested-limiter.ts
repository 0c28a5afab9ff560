import type { Limiter } from "../generators/index.ts";

/**
 * A limiter whose tasks also hold a slot of `outer`: a session's own bound (its spec's
 * sandboxesAtOnce) inside the engine's bound for all sessions, so several repositories migrated
 * at once never start more sandboxes than the machine takes.
 */
export function nestedLimiter(inner: Limiter, outer: Limiter): Limiter {
  return {
    get limit() {
      return Math.min(inner.limit, outer.limit);
    },
    get running() {
      return inner.running;
    },
    get waiting() {
      return inner.waiting;
    },
    run: (task, signal) => inner.run(() => outer.run(task, signal), signal),
  };
}
