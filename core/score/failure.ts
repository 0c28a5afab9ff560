/** One failure a hypothesis is blamed for: a key to match it across runs, and a line for the user. */
export interface Failure {
  /** Identity used to confirm it on a re-run (a test id, a diagnostic's file/code/message). */
  readonly key: string;
  /** One line: where and what. */
  readonly label: string;
}

/** Key of the failure "the check left no report" (a crash where the baseline had a report). */
export const noReportKey = "(no report)";

/** Collapses whitespace and drops `(line,col)` / `:line:col` positions, so a message matches after code moved. */
export function normalizeMessage(message: string): string {
  return message
    .replace(/\(\d+,\d+\)/g, "")
    .replace(/:\d+:\d+\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The failures of `current` not in `baseline`, matched as multisets by key: two identical errors
 * where the baseline had one is one new error. Returns the new ones, and how many of the
 * baseline's remain and how many (and which) are gone.
 */
export function multisetDelta<T>(baseline: readonly T[], current: readonly T[], key: (item: T) => string): { added: T[]; remaining: number; removed: number; gone: T[] } {
  const left = new Map<string, number>();
  for (const item of baseline) left.set(key(item), (left.get(key(item)) ?? 0) + 1);
  const added: T[] = [];
  let remaining = 0;
  for (const item of current) {
    const k = key(item);
    const count = left.get(k) ?? 0;
    if (count > 0) {
      left.set(k, count - 1);
      remaining++;
    } else added.push(item);
  }
  const removed = [...left.values()].reduce((sum, count) => sum + count, 0);
  // the baseline's items left unmatched, last occurrences first matched away
  const gone: T[] = [];
  for (const item of [...baseline].reverse()) {
    const count = left.get(key(item)) ?? 0;
    if (count > 0) {
      left.set(key(item), count - 1);
      gone.unshift(item);
    }
  }
  return { added, remaining, removed, gone };
}

/** The failures of `first` that `second` has too (as multisets by key): what a re-run confirms. */
export function confirmedFailures(first: readonly Failure[], second: readonly Failure[]): Failure[] {
  const left = new Map<string, number>();
  for (const failure of second) left.set(failure.key, (left.get(failure.key) ?? 0) + 1);
  return first.filter((failure) => {
    const count = left.get(failure.key) ?? 0;
    if (count === 0) return false;
    left.set(failure.key, count - 1);
    return true;
  });
}
