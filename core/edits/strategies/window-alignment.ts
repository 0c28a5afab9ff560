import type { FileIndex } from "../file-index.ts";
import { isBlank, lineKey } from "../line-keys.ts";
import { similarity } from "../similarity.ts";
import { tightestCommonLines } from "./tightest-common-lines.ts";

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

/**
 * Aligns SEARCH with file lines [from, to), its first line expected at `offset`: the tightest
 * longest common subsequence of normalized lines (see {@link tightestCommonLines}), then, between two common lines, differing runs of equal length paired one for one (a line
 * changed in place); before the first and after the last common line, neighbours paired while
 * they stay similar. Undefined when no non-blank line is common.
 */
export function alignWindow(file: FileIndex, search: readonly string[], from: number, to: number, offset: number): WindowAlignment | undefined {
  const wanted = search.map((line) => lineKey(line, "normalized"));
  const keys = file.keys("normalized");
  const pairs = tightestCommonLines(wanted, keys.slice(from, to), offset - from);
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
