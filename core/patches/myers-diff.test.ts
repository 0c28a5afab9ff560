import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editScript, longestCommonSubsequence } from "./myers-diff.ts";
import type { DiffOp } from "./myers-diff.ts";

/** The LCS length by dynamic programming: the reference the Myers diff must reach. */
function lcsLength(a: number[], b: number[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table[a.length]![b.length]!;
}

describe("longestCommonSubsequence", () => {
  it("finds a common subsequence of maximal length, in increasing order", () => {
    const sequence = fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 });
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const pairs = longestCommonSubsequence(a, b);
        expect(pairs.length).toBe(lcsLength(a, b));
        pairs.forEach(([i, j], k) => {
          expect(a[i]).toBe(b[j]);
          if (k > 0) {
            expect(i).toBeGreaterThan(pairs[k - 1]![0]);
            expect(j).toBeGreaterThan(pairs[k - 1]![1]);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it("handles empty and identical inputs", () => {
    expect(longestCommonSubsequence([], [])).toEqual([]);
    expect(longestCommonSubsequence([1, 2], [])).toEqual([]);
    expect(longestCommonSubsequence([1, 2], [1, 2])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it("diffs large inputs with few changes quickly", () => {
    const a = Array.from({ length: 50_000 }, (_, i) => i);
    const b = a.filter((i) => i % 1000 !== 7);
    const started = performance.now();
    expect(longestCommonSubsequence(a, b).length).toBe(b.length);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("past the difference cap reports a stretch as replaced wholesale, and stays fast on inputs that share nothing", () => {
    const a = Array.from({ length: 40_000 }, (_, i) => i);
    const b = Array.from({ length: 40_000 }, (_, i) => -1 - i);
    const started = performance.now();
    expect(longestCommonSubsequence(a, b, { maxDifferences: 100 })).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2000);
    // Common ends are still paired outside the capped middle.
    expect(longestCommonSubsequence([7, 1, 2, 3, 8], [7, 4, 5, 6, 8], { maxDifferences: 2 })).toEqual([
      [0, 0],
      [4, 4],
    ]);
    expect(longestCommonSubsequence([1, 2, 3], [1, 9, 3], { maxDifferences: 2 })).toHaveLength(2);
  });
});

/** Replays an edit script: the kept and inserted elements, in order, must give `b`; kept and deleted must cover `a`. */
function replay(a: readonly string[], b: readonly string[], ops: readonly DiffOp[]): { a: string[]; b: string[] } {
  const outA: string[] = [];
  const outB: string[] = [];
  for (const op of ops) {
    if (op.kind !== "insert") outA.push(a[op.a]!);
    if (op.kind !== "delete") outB.push(b[op.b]!);
    if (op.kind === "keep") expect(a[op.a]).toBe(b[op.b]);
  }
  return { a: outA, b: outB };
}

describe("editScript", () => {
  it("turns a into b with as few deletions and insertions as the LCS allows, deletions first in each stretch", () => {
    const sequence = fc.array(fc.constantFrom("x", "y", "z", "{", "}"), { maxLength: 30 });
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const ops = editScript(a, b);
        expect(replay(a, b, ops)).toEqual({ a, b });
        const kept = ops.filter((op) => op.kind === "keep").length;
        expect(kept).toBe(lcsLength(a.map((s) => s.charCodeAt(0)), b.map((s) => s.charCodeAt(0))));
        for (let k = 1; k < ops.length; k++) expect(ops[k - 1]!.kind === "insert" && ops[k]!.kind === "delete").toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a rewritten line's neighbours and marks the line deleted then inserted", () => {
    expect(editScript(["a", "b", "c"], ["a", "B", "c"])).toEqual([
      { kind: "keep", a: 0, b: 0 },
      { kind: "delete", a: 1 },
      { kind: "insert", b: 1 },
      { kind: "keep", a: 2, b: 2 },
    ]);
  });
});
