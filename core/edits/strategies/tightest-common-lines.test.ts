import { describe, expect, it } from "vitest";
import { longestCommonSubsequence } from "../../patches/myers-diff.ts";
import { tightestCommonLines } from "./tightest-common-lines.ts";

/** A seeded stream of small integers (mulberry32), so a failure can be replayed. */
function randomInts(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
  };
}

describe("tightestCommonLines", () => {
  it("pairs only equal lines, in order, and at least as many as Myers' LCS minus the ones that would leave file lines between", () => {
    const next = randomInts(11);
    for (let round = 0; round < 500; round++) {
      const a = Array.from({ length: next(12) }, () => `line ${next(5)}`);
      const b = Array.from({ length: next(20) }, () => `line ${next(5)}`);
      const pairs = tightestCommonLines(a, b, next(6));
      for (let k = 0; k < pairs.length; k++) {
        const [i, j] = pairs[k]!;
        expect(a[i]).toBe(b[j]);
        if (k > 0) expect(i > pairs[k - 1]![0] && j > pairs[k - 1]![1]).toBe(true);
      }
      if (longestCommonSubsequence(a, b).length > 0) expect(pairs.length).toBeGreaterThan(0);
    }
  });

  it("pairs every SEARCH line when the file only gained single lines between them", () => {
    const next = randomInts(5);
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: 2 + next(10) }, (_, k) => `line ${k}`);
      const b = a.flatMap((line, k) => (k > 0 && next(3) === 0 ? [`added ${k}`, line] : [line]));
      expect(tightestCommonLines(a, b, 0)).toHaveLength(a.length);
    }
  });

  it("leaves a SEARCH line unpaired rather than take its equal past several lines the file has", () => {
    const search = ["/**", "* regex: actions to hide", "*/", "actionsDenylist?: string"];
    const window = ["/**", "* function that sanitizes state", "*/", "stateSanitizer?: S", "* regex: actions to hide", "*/", "actionsDenylist?: string"];
    expect(tightestCommonLines(search, window, 3)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it("takes the line just before a changed one over an equal line farther up", () => {
    const search = ["isPlaceholderData: true", "/**", "* success", "*/", "status"];
    const window = ["/**", "* true", "*/", "isPlaceholderData: true", "/** // checked", "* success", "*/", "status"];
    expect(tightestCommonLines(search, window, 3)).toEqual([
      [0, 3],
      [2, 5],
      [3, 6],
      [4, 7],
    ]);
  });

  it("among identical places, takes the one where SEARCH is expected", () => {
    const search = ["{", "return value;", "}"];
    const window = ["load();", "return value;", "}", "function b() {", "load();", "return value;", "}"];
    expect(tightestCommonLines(search, window, 0)).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(tightestCommonLines(search, window, 4)).toEqual([
      [1, 5],
      [2, 6],
    ]);
  });
});
