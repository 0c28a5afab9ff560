import { isBlank, lineKey } from "../line-keys.ts";
import { similarity } from "../similarity.ts";
import { placesShown } from "./strategy.ts";
import type { Alignment, LineRange, StaleHint, Strategy } from "./strategy.ts";
import { lineForLine } from "./strategy.ts";

/** A differing line must still be this similar (after normalization) to count as a typo. */
const minLineSimilarity = 0.7;
/** The winner's mean line similarity must beat every other anchored window by this much. */
const minMargin = 0.1;
/** Fewer non-blank SEARCH lines than this are too little evidence for a fuzzy match. */
const minNonBlankLines = 3;

/**
 * Last resort for a mistyped context line: a window of the file as long as SEARCH whose first
 * and last non-blank lines match exactly (after normalization), with at most one differing line
 * (two from 8 non-blank lines), each still similar, none of them a line the edit changes, and a
 * clear margin over any other anchored window. Differing lines are written back as the file has
 * them, so a typo in context never reaches the file.
 */
export const fuzzyWindow: Strategy = {
  name: "fuzzy",
  locate(file, block) {
    if (block.elisions.length > 0) return { kind: "none" };
    const search = block.search;
    const nonBlank = search.flatMap((line, i) => (isBlank(line) ? [] : [i]));
    if (nonBlank.length < minNonBlankLines) return { kind: "none" };
    const allowed = nonBlank.length >= 8 ? 2 : 1;
    const first = nonBlank[0]!;
    const last = nonBlank[nonBlank.length - 1]!;
    const wanted = search.map((line) => lineKey(line, "normalized"));
    const keys = file.keys("normalized");
    const windows: Array<{ start: number; score: number; differing: number[]; passes: boolean; stale: boolean }> = [];
    for (const position of file.positions("normalized", wanted[first]!)) {
      const start = position - first;
      if (start < 0 || start + search.length > keys.length || keys[start + last] !== wanted[last]) continue;
      let total = 0;
      let passes = true;
      let stale = false;
      const differing: number[] = [];
      for (let i = 0; i < search.length; i++) {
        const have = keys[start + i]!;
        if (have === wanted[i]) {
          total += 1;
          continue;
        }
        differing.push(i);
        const score = have === "" || wanted[i] === "" ? 0 : similarity(have, wanted[i]!);
        total += score;
        if (score < minLineSimilarity) passes = false;
        if (block.changed[i]) stale = true;
      }
      if (differing.length > allowed) passes = false;
      windows.push({ start, score: total / search.length, differing, passes: passes && !stale, stale: passes && stale });
    }
    const passing = windows.filter((w) => w.passes);
    if (passing.length > 1) {
      const places: LineRange[] = passing.slice(0, placesShown).map((w) => ({ from: w.start, to: w.start + search.length }));
      return { kind: "ambiguous", count: passing.length, places };
    }
    const winner = passing[0];
    if (winner && windows.every((w) => w === winner || winner.score - w.score >= minMargin)) {
      const alignment: Alignment = lineForLine(winner.start, search.length, { mismatched: new Set(winner.differing) });
      return { kind: "unique", alignment };
    }
    const near = windows.filter((w) => w.stale).sort((a, b) => b.score - a.score)[0];
    if (!near) return { kind: "none" };
    const stale: StaleHint = {
      start: near.start,
      end: near.start + search.length,
      differing: near.differing.map((i) => ({ search: i, file: near.start + i })),
    };
    return { kind: "none", stale };
  },
};
