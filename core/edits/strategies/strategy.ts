import type { FileIndex } from "../file-index.ts";
import type { PreparedBlock } from "../prepare-block.ts";

/** The matching strategies, strictest first. */
export const strategyNames = [
  "exact-text",
  "exact-lines",
  "trailing-whitespace",
  "indentation",
  "normalized-whitespace",
  "blank-lines",
  "elision",
  "fragment",
  "fuzzy",
  "stale-context",
] as const;

/** The name of a matching strategy. */
export type StrategyName = (typeof strategyNames)[number];

/** A half-open range of 0-based file lines. */
export interface LineRange {
  from: number;
  to: number;
}

/**
 * Where a block's SEARCH was found: the file span it covers and, for each SEARCH line, the file
 * lines it stands for (one line; none for a line the file lacks; many for an elision marker).
 * Ranges ascend and do not overlap; file lines of the span that no SEARCH line claims are extra
 * lines (blank lines the model left out).
 */
export interface Alignment {
  start: number;
  end: number;
  ranges: LineRange[];
  /** SEARCH lines whose file line differs even after normalization (fuzzy matches only). */
  mismatched: ReadonlySet<number>;
  /** The tab width under which the indentation matched, when tabs were involved. */
  tabWidth?: number;
}

/** A near miss kept for the error message: a place that matched except for lines the edit changes. */
export interface StaleHint {
  start: number;
  end: number;
  /** Pairs of (SEARCH line, file line) that differ, 0-based. */
  differing: Array<{ search: number; file: number }>;
}

/** What one strategy found: exactly one place, several, or none. */
export type StrategyOutcome =
  | { kind: "unique"; alignment: Alignment; /** Reported instead of the strategy's own name (a finer kind of match). */ named?: StrategyName }
  | { kind: "ambiguous"; count: number; places: LineRange[] }
  | { kind: "none"; stale?: StaleHint };

/** One way of finding a block's SEARCH lines in a file. */
export interface Strategy {
  name: StrategyName;
  locate(file: FileIndex, block: PreparedBlock): StrategyOutcome;
}

/** How many places an ambiguity message lists. */
export const placesShown = 5;

/** Counting stops past this many places: the answer is "ambiguous" either way, and degenerate files stay fast. */
export const maxCounted = 100;

/** The outcome for candidate start lines of a contiguous match; only the winner's alignment is built. */
export function outcomeOfStarts(starts: readonly number[], length: number, extra?: Partial<Alignment>): StrategyOutcome {
  if (starts.length === 0) return { kind: "none" };
  if (starts.length === 1) return { kind: "unique", alignment: lineForLine(starts[0]!, length, extra) };
  return {
    kind: "ambiguous",
    count: starts.length,
    places: starts.slice(0, placesShown).map((start) => ({ from: start, to: start + length })),
  };
}

/** The alignment of SEARCH line i to file line start + i, for the contiguous strategies. */
export function lineForLine(start: number, length: number, extra?: Partial<Alignment>): Alignment {
  const ranges: LineRange[] = [];
  for (let i = 0; i < length; i++) ranges.push({ from: start + i, to: start + i + 1 });
  return { start, end: start + length, ranges, mismatched: new Set(), ...extra };
}
