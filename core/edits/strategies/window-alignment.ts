import { longestCommonSubsequence } from "../../patches/myers-diff.ts";
import type { FileIndex } from "../file-index.ts";
import { isBlank, lineKey } from "../line-keys.ts";
import { similarity } from "../similarity.ts";

/** How a SEARCH line relates to the file in a window: the same line, a line in its place that differs, or none. */
export type LineStatus = "exact" | "modified" | "none";

/** SEARCH aligned to a window of the file: for each SEARCH line, its file line (0-based) or -1. */
export interface WindowAlignment {
  /** The span from the first to the last file line a SEARCH line stands for (half-open). */
  start: number;
  end: number;
  match: number[];
  status: LineStatus[];
  /** Non-blank file lines inside the span that no SEARCH line stands for (lines the file gained). */
  extraLines: number;
}

/** Below this similarity a line beyond SEARCH's first or last common line is not taken as its counterpart. */
const edgeSimilarity = 0.5;
/** Alignments differing in more lines than this are not worth making (SEARCH is small). */
const maxDifferences = 400;

/**
 * Aligns SEARCH with file lines [from, to): a longest common subsequence of normalized lines,
 * then, between two common lines, differing runs of equal length paired one for one (a line
 * changed in place); before the first and after the last common line, neighbours paired while
 * they stay similar. Undefined when no non-blank line is common.
 */
export function alignWindow(file: FileIndex, search: readonly string[], from: number, to: number): WindowAlignment | undefined {
  const wanted = search.map((line) => lineKey(line, "normalized"));
  const keys = file.keys("normalized");
  const pairs = compact(longestCommonSubsequence(wanted, keys.slice(from, to), { maxDifferences }), wanted, keys.slice(from, to));
  if (!pairs.some(([i]) => wanted[i] !== "")) return undefined;
  const match = search.map(() => -1);
  const status: LineStatus[] = search.map(() => "none");
  for (const [i, j] of pairs) {
    match[i] = from + j;
    status[i] = "exact";
  }
  const pairUp = (i: number, j: number): void => {
    match[i] = j;
    status[i] = "modified";
  };
  const near = (i: number, j: number): boolean =>
    isBlank(search[i]!) === isBlank(file.lines[j]!) && similarity(wanted[i]!, keys[j]!) >= edgeSimilarity;
  // Inner runs: between two common lines, equal-length differing runs pair one for one.
  for (let k = 1; k < pairs.length; k++) {
    const [pi, pj] = pairs[k - 1]!;
    const [ni, nj] = pairs[k]!;
    if (ni - pi === nj - pj && ni - pi > 1) for (let t = 1; t < ni - pi; t++) pairUp(pi + t, from + pj + t);
  }
  // Edge runs: outward from the first and last common lines, while the lines stay similar.
  const [fi, fj] = pairs[0]!;
  for (let i = fi - 1, j = from + fj - 1; i >= 0 && j >= from && near(i, j); i--, j--) pairUp(i, j);
  const [li, lj] = pairs[pairs.length - 1]!;
  for (let i = li + 1, j = from + lj + 1; i < search.length && j < to && near(i, j); i++, j++) pairUp(i, j);
  const lines = match.filter((line) => line >= 0);
  const start = Math.min(...lines);
  const end = Math.max(...lines) + 1;
  const claimed = new Set(lines);
  let extraLines = 0;
  for (let j = start; j < end; j++) if (!claimed.has(j) && !isBlank(file.lines[j]!)) extraLines++;
  return { start, end, match, status, extraLines };
}

/**
 * An LCS may pair a line with any equal line (a lone brace far below); among equal choices,
 * moves each pair to the equal file line nearest the offset most pairs agree on, keeping order.
 */
function compact(pairs: ReadonlyArray<readonly [number, number]>, wanted: readonly string[], window: readonly string[]): Array<[number, number]> {
  if (pairs.length === 0) return [];
  const offsets = pairs.filter(([i]) => wanted[i] !== "").map(([i, j]) => j - i).sort((a, b) => a - b);
  const median = offsets.length > 0 ? offsets[Math.floor(offsets.length / 2)]! : 0;
  const out: Array<[number, number]> = [];
  for (let k = 0; k < pairs.length; k++) {
    const [i, j] = pairs[k]!;
    const low = k === 0 ? 0 : out[k - 1]![1] + 1;
    const high = k === pairs.length - 1 ? window.length - 1 : pairs[k + 1]![1] - 1;
    let best = j;
    for (let c = low; c <= high; c++) {
      if (c !== j && window[c] === wanted[i] && Math.abs(c - i - median) < Math.abs(best - i - median)) best = c;
    }
    out.push([i, best]);
  }
  return out;
}
