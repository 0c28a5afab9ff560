/** One step of a line diff from `a` to `b`: keep a line of both, delete a line of `a`, insert a line of `b`. */
export type DiffOp =
  | { kind: "keep"; a: number; b: number }
  | { kind: "delete"; a: number }
  | { kind: "insert"; b: number };

/** Beyond this many differences the middle is reported as replaced wholesale (still a correct diff, just not minimal). */
const maxDifferences = 2000;

/**
 * A shortest edit script from `a` to `b` (Myers' O(ND) greedy algorithm), after trimming the
 * common prefix and suffix. Elements are compared with `===`, so callers pass keys, not lines.
 */
export function diffLines(a: readonly string[], b: readonly string[]): DiffOp[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  ) {
    suffix++;
  }
  const ops: DiffOp[] = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: "keep", a: i, b: i });
  ops.push(...middle(a, b, prefix, a.length - suffix, b.length - suffix));
  for (let i = suffix; i > 0; i--) ops.push({ kind: "keep", a: a.length - i, b: b.length - i });
  return ops;
}

function middle(a: readonly string[], b: readonly string[], from: number, aEnd: number, bEnd: number): DiffOp[] {
  const n = aEnd - from;
  const m = bEnd - from;
  const limit = Math.min(n + m, maxDifferences);
  // trace[d] holds V for k in [-d-1, d+1] as it was before step d, which is what backtracking reads.
  const trace: Int32Array[] = [];
  let v = new Int32Array(3);
  v[2] = 0; // V[1] = 0: the virtual start above the first row.
  for (let d = 0; d <= limit; d++) {
    trace.push(v);
    const next = new Int32Array(2 * d + 5);
    const at = (arr: Int32Array, size: number, k: number): number => arr[k + size + 1]!;
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && at(v, d, k - 1) < at(v, d, k + 1));
      let x = down ? at(v, d, k + 1) : at(v, d, k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && a[from + x] === b[from + y]) {
        x++;
        y++;
      }
      next[k + d + 2] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, from);
    }
    v = next;
  }
  const ops: DiffOp[] = [];
  for (let i = 0; i < n; i++) ops.push({ kind: "delete", a: from + i });
  for (let j = 0; j < m; j++) ops.push({ kind: "insert", b: from + j });
  return ops;
}

function backtrack(trace: Int32Array[], n: number, m: number, from: number): DiffOp[] {
  const reversed: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const at = (k: number): number => v[k + d + 1]!; // trace[d] spans k in [-d-1, d+1]
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = d === 0 ? 0 : prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      reversed.push({ kind: "keep", a: from + x, b: from + y });
    }
    if (d > 0) {
      if (x === prevX) reversed.push({ kind: "insert", b: from + prevY });
      else reversed.push({ kind: "delete", a: from + prevX });
    }
    x = prevX;
    y = prevY;
  }
  return reversed.reverse();
}
