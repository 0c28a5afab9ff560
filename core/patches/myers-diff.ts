/**
 * Myers' O(ND) difference algorithm in linear space (the "middle snake" divide and conquer of
 * Myers 1986, section 4b). Works on arrays of numbers so that callers intern lines first and
 * every comparison is an integer compare.
 */

/** A pair of indexes `[i, j]` with `a[i] === b[j]`, part of a longest common subsequence. */
export type MatchedPair = readonly [number, number];

/** Returns the pairs of a longest common subsequence of `a` and `b`, in increasing order. */
export function longestCommonSubsequence(a: ArrayLike<number>, b: ArrayLike<number>): MatchedPair[] {
  const out: MatchedPair[] = [];
  const size = a.length + b.length + 3;
  const scratch = { forward: new Int32Array(2 * size + 1), backward: new Int32Array(2 * size + 1) };
  solve(a, 0, a.length, b, 0, b.length, out, scratch);
  return out;
}

interface Scratch {
  forward: Int32Array;
  backward: Int32Array;
}

function solve(
  a: ArrayLike<number>,
  aLo: number,
  aHi: number,
  b: ArrayLike<number>,
  bLo: number,
  bHi: number,
  out: MatchedPair[],
  scratch: Scratch,
): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.push([aLo++, bLo++]);
  let suffix = 0;
  while (aLo < aHi - suffix && bLo < bHi - suffix && a[aHi - 1 - suffix] === b[bHi - 1 - suffix]) suffix++;
  aHi -= suffix;
  bHi -= suffix;
  if (aLo < aHi && bLo < bHi) {
    const [x, y, u, v] = middleSnake(a, aLo, aHi, b, bLo, bHi, scratch);
    solve(a, aLo, x, b, bLo, y, out, scratch);
    for (let i = x, j = y; i < u; i++, j++) out.push([i, j]);
    solve(a, u, aHi, b, v, bHi, out, scratch);
  }
  for (let s = 0; s < suffix; s++) out.push([aHi + s, bHi + s]);
}

/**
 * Finds the middle snake of an optimal edit path between a[aLo,aHi) and b[bLo,bHi), returning its
 * absolute start (x, y) and end (u, v). Callers have trimmed common ends, so both ranges are
 * non-empty and differ at both ends: the snake never spans the whole problem and recursion shrinks.
 */
function middleSnake(
  a: ArrayLike<number>,
  aLo: number,
  aHi: number,
  b: ArrayLike<number>,
  bLo: number,
  bHi: number,
  scratch: Scratch,
): [number, number, number, number] {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const delta = n - m;
  const odd = (delta & 1) !== 0;
  const offset = n + m + 1;
  const vf = scratch.forward;
  const vb = scratch.backward;
  vf[offset + 1] = 0;
  vb[offset + 1] = 0;
  const maxD = Math.ceil((n + m) / 2);
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
      const c = delta - k;
      if (odd && c >= -(d - 1) && c <= d - 1 && x + vb[offset + c]! >= n) {
        return [aLo + x0, bLo + x0 - k, aLo + x, bLo + y];
      }
    }
    for (let c = -d; c <= d; c += 2) {
      const down = c === -d || (c !== d && vb[offset + c - 1]! < vb[offset + c + 1]!);
      const x0 = down ? vb[offset + c + 1]! : vb[offset + c - 1]! + 1;
      let x = x0;
      let y = x - c;
      while (x < n && y < m && a[aHi - 1 - x] === b[bHi - 1 - y]) {
        x++;
        y++;
      }
      vb[offset + c] = x;
      const k = delta - c;
      if (!odd && k >= -d && k <= d && x + vf[offset + k]! >= n) {
        return [aHi - x, bHi - y, aHi - x0, bHi - (x0 - c)];
      }
    }
  }
  throw new Error("middle snake not found: unreachable for non-empty inputs");
}
