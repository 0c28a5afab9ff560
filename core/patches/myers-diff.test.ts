import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { longestCommonSubsequence } from "./myers-diff.ts";

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
});
