/**
 * Myers' O(ND) difference algorithm in linear space (the "middle snake" divide and conquer of
 * Myers 1986, section 4b): the one diff of the engine, used for patches (lines interned to
 * numbers) and by the edit applier (SEARCH against REPLACE, compared by key). Elements are
 * compared with `===`.
 */

/** A pair of indexes `[i, j]` with `a[i] === b[j]`, part of a longest common subsequence. */
export type MatchedPair = readonly [number, number];

/** One step of an edit script from `a` to `b`: keep an element of both, delete one of `a`, insert one of `b`. */
export type DiffOp =
  | { kind: "keep"; a: number; b: number }
  | { kind: "delete"; a: number }
  | { kind: "insert"; b: number };

/** Options of {@link longestCommonSubsequence}. */
export interface DiffOptions {
  /**
   * Beyond this many differences inside one stretch between common elements, that stretch is
   * reported as replaced wholesale: still a correct diff, just not minimal. Bounds the time on
   * inputs that share almost nothing (the work is O((N + M) · D)).
   */
  maxDifferences?: number;
}

/** Work budget ((N + M) · D steps) under which {@link defaultMaxDifferences} keeps a diff minimal. */
const workBudget = 50_000_000;

/** The default cap for inputs of these lengths: at least 1,000 differences, more for smaller inputs. */
export function defaultMaxDifferences(n: number, m: number): number {
  return Math.max(1000, Math.ceil(workBudget / Math.max(1, n + m)));
}

/** Returns the pairs of a longest common subsequence of `a` and `b`, in increasing order (within the difference cap). */
export function longestCommonSubsequence<T>(a: ArrayLike<T>, b: ArrayLike<T>, options: DiffOptions = {}): MatchedPair[] {
  const out: MatchedPair[] = [];
  const size = a.length + b.length + 3;
  const maxDifferences = options.maxDifferences ?? defaultMaxDifferences(a.length, b.length);
  const context: Context<T> = { a, b, out, forward: new Int32Array(2 * size + 1), backward: new Int32Array(2 * size + 1), maxDifferences };
  solve(context, 0, a.length, 0, b.length);
  return out;
}

/** A shortest edit script from `a` to `b` (within the difference cap): in each changed stretch, deletions come before insertions. */
export function editScript<T>(a: ArrayLike<T>, b: ArrayLike<T>, options: DiffOptions = {}): DiffOp[] {
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...longestCommonSubsequence(a, b, options), [a.length, b.length] as const]) {
    for (; i < pi; i++) ops.push({ kind: "delete", a: i });
    for (; j < pj; j++) ops.push({ kind: "insert", b: j });
    if (pi < a.length) ops.push({ kind: "keep", a: pi, b: pj });
    i = pi + 1;
    j = pj + 1;
  }
  return ops;
}

interface Context<T> {
  a: ArrayLike<T>;
  b: ArrayLike<T>;
  out: MatchedPair[];
  forward: Int32Array;
  backward: Int32Array;
  maxDifferences: number;
}

function solve<T>(c: Context<T>, aLo: number, aHi: number, bLo: number, bHi: number): void {
  const { a, b, out } = c;
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.push([aLo++, bLo++]);
  let suffix = 0;
  while (aLo < aHi - suffix && bLo < bHi - suffix && a[aHi - 1 - suffix] === b[bHi - 1 - suffix]) suffix++;
  aHi -= suffix;
  bHi -= suffix;
  if (aLo < aHi && bLo < bHi) {
    const snake = middleSnake(c, aLo, aHi, bLo, bHi);
    // Past the cap the stretch counts as replaced wholesale: no pairs inside it.
    if (snake) {
      const [x, y, u, v] = snake;
      solve(c, aLo, x, bLo, y);
      for (let i = x, j = y; i < u; i++, j++) out.push([i, j]);
      solve(c, u, aHi, v, bHi);
    }
  }
  for (let s = 0; s < suffix; s++) out.push([aHi + s, bHi + s]);
}

/**
 * Finds the middle snake of an optimal edit path between a[aLo,aHi) and b[bLo,bHi), returning its
 * absolute start (x, y) and end (u, v); undefined when the two differ in more than the cap allows.
 * Callers have trimmed common ends, so both ranges are non-empty and differ at both ends: the
 * snake never spans the whole problem and recursion shrinks.
 */
function middleSnake<T>(c: Context<T>, aLo: number, aHi: number, bLo: number, bHi: number): [number, number, number, number] | undefined {
  const { a, b } = c;
  const n = aHi - aLo;
  const m = bHi - bLo;
  const delta = n - m;
  const odd = (delta & 1) !== 0;
  const offset = n + m + 1;
  const vf = c.forward;
  const vb = c.backward;
  vf[offset + 1] = 0;
  vb[offset + 1] = 0;
  const maxD = Math.min(Math.ceil((n + m) / 2), Math.ceil(c.maxDifferences / 2));
  for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && vf[offset + k - 1]! < vf[offset + k + 1]!);
      const x0 = down ? vf[offset + k + 1]! : vf[offset + k - 1]! + 1;
      let x = x0;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      vf[offset + k] = x;
      const back = delta - k;
      if (odd && back >= -(d - 1) && back <= d - 1 && x + vb[offset + back]! >= n) {
        return [aLo + x0, bLo + x0 - k, aLo + x, bLo + y];
      }
    }
    for (let back = -d; back <= d; back += 2) {
      const down = back === -d || (back !== d && vb[offset + back - 1]! < vb[offset + back + 1]!);
      const x0 = down ? vb[offset + back + 1]! : vb[offset + back - 1]! + 1;
      let x = x0;
      let y = x - back;
      while (x < n && y < m && a[aHi - 1 - x] === b[bHi - 1 - y]) {
        x++;
        y++;
      }
      vb[offset + back] = x;
      const k = delta - back;
      if (!odd && k >= -d && k <= d && x + vf[offset + k]! >= n) {
        return [aHi - x, bHi - y, aHi - x0, bHi - (x0 - back)];
      }
    }
  }
  if (maxD === Math.ceil((n + m) / 2)) throw new Error("middle snake not found: unreachable for non-empty inputs");
  return undefined;
}
