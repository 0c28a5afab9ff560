import { isBlank, lineKey } from "../line-keys.ts";
import { editDistance } from "../similarity.ts";
import { placesShown } from "./strategy.ts";
import type { Alignment, LineRange, StaleHint, Strategy } from "./strategy.ts";
import { lineForLine } from "./strategy.ts";

/** A differing line must still be this similar (1 − distance / longer length, after normalization) to count as a typo. */
const minLineSimilarity = 0.7;
/** Fewer non-blank SEARCH lines than this are too little evidence for a fuzzy match. */
const minNonBlankLines = 3;
/** Windows sharing the anchors beyond this many make the anchors too common to trust. */
const maxWindows = 500;
/** Lines longer than this are compared by equality only (edit distance is quadratic). */
const maxLineLength = 500;

interface Window {
  start: number;
  /** Characters to edit to turn the window into SEARCH (normalized lines). */
  distance: number;
  differing: number[];
  /** Within the typo limits, with no differing line the edit changes. */
  passes: boolean;
  /** Within the typo limits, but a differing line is one the edit changes: the file has moved on. */
  stale: boolean;
}

/**
 * Last resort for a mistyped context line: a window of the file as long as SEARCH whose first
 * and last non-blank lines match exactly (after normalization), with at most one differing line
 * (two from 8 non-blank lines), each still similar, none of them a line the edit changes. The
 * best such window must win clearly: every other window with the same anchors needs at least
 * 3 × its distance + 3 character edits to become SEARCH (several close candidates: ambiguous).
 * Differing lines are written back as the file has them, so a typo in context never reaches
 * the file.
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
    const windows: Window[] = [];
    for (const position of file.positions("normalized", wanted[first]!)) {
      const start = position - first;
      if (start < 0 || start + search.length > keys.length || keys[start + last] !== wanted[last]) continue;
      if (windows.length === maxWindows) return { kind: "none" };
      let distance = 0;
      let typos = true;
      let changedDiffers = false;
      const differing: number[] = [];
      for (let i = 0; i < search.length; i++) {
        const have = keys[start + i]!;
        const want = wanted[i]!;
        if (have === want) continue;
        differing.push(i);
        const longer = Math.max(have.length, want.length);
        const d = have === "" || want === "" || longer > maxLineLength ? longer : editDistance(have, want);
        distance += d;
        if (1 - d / longer < minLineSimilarity) typos = false;
        if (block.changed[i]) changedDiffers = true;
      }
      typos &&= differing.length <= allowed;
      windows.push({ start, distance, differing, passes: typos && !changedDiffers, stale: typos && changedDiffers });
    }
    // The best window must win clearly over every other window with the same anchors, passing or not.
    const passing = windows.filter((w) => w.passes).sort((a, b) => a.distance - b.distance || a.start - b.start);
    const winner = passing[0];
    if (winner) {
      const clear = (w: Window): boolean => w === winner || w.distance >= 3 * winner.distance + 3;
      if (windows.every(clear)) {
        const alignment: Alignment = lineForLine(winner.start, search.length, { mismatched: new Set(winner.differing) });
        return { kind: "unique", alignment };
      }
      const rivals = passing.filter((w) => !clear(w) || w === winner);
      if (rivals.length > 1) {
        const places: LineRange[] = rivals.slice(0, placesShown).map((w) => ({ from: w.start, to: w.start + search.length }));
        return { kind: "ambiguous", count: rivals.length, places };
      }
    }
    const near = windows.filter((w) => w.stale).sort((a, b) => a.distance - b.distance)[0];
    if (!near) return { kind: "none" };
    const stale: StaleHint = {
      start: near.start,
      end: near.start + search.length,
      differing: near.differing.map((i) => ({ search: i, file: near.start + i })),
    };
    return { kind: "none", stale };
  },
};
