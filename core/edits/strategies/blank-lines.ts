import { isBlank, lineKey } from "../line-keys.ts";
import type { Comparator } from "../line-keys.ts";
import type { FileIndex } from "../file-index.ts";
import { maxCounted, placesShown } from "./strategy.ts";
import type { Alignment, LineRange, Strategy, StrategyOutcome } from "./strategy.ts";

/** Comparators tried in turn, stricter first; the first that finds any place decides. */
const comparators: readonly Comparator[] = ["trailing-whitespace", "normalized"];

/**
 * SEARCH's non-blank lines equal a run of the file's non-blank lines: blank lines the model
 * dropped or added are ignored. The file's own blank lines inside the span are kept.
 */
export const blankLines: Strategy = {
  name: "blank-lines",
  locate(file, block) {
    const wanted: number[] = [];
    block.search.forEach((line, i) => {
      if (!isBlank(line)) wanted.push(i);
    });
    if (wanted.length === 0) return { kind: "none" };
    for (const comparator of comparators) {
      const outcome = locateWith(file, block.search, wanted, comparator);
      if (outcome.kind !== "none") return outcome;
    }
    return { kind: "none" };
  },
};

function locateWith(file: FileIndex, search: readonly string[], wanted: readonly number[], comparator: Comparator): StrategyOutcome {
  const keys = file.keys(comparator);
  const nonBlank = file.nonBlankLines();
  const ordinals = file.nonBlankOrdinals();
  const wantedKeys = wanted.map((i) => lineKey(search[i]!, comparator));
  // Anchor on the wanted line rarest in the file, as contiguousRuns does.
  let anchor = 0;
  for (let t = 1; t < wantedKeys.length; t++) {
    if (file.positions(comparator, wantedKeys[t]!).length < file.positions(comparator, wantedKeys[anchor]!).length) anchor = t;
  }
  const firsts: number[] = [];
  for (const position of file.positions(comparator, wantedKeys[anchor]!)) {
    const first = ordinals[position]! - anchor;
    if (ordinals[position]! < 0 || first < 0 || first + wanted.length > nonBlank.length) continue;
    let same = true;
    for (let t = 0; t < wanted.length && same; t++) same = keys[nonBlank[first + t]!] === wantedKeys[t];
    if (same && firsts.push(first) > maxCounted) break;
  }
  if (firsts.length === 0) return { kind: "none" };
  if (firsts.length === 1) return { kind: "unique", alignment: alignment(search, wanted, nonBlank, firsts[0]!) };
  const last = wanted.length - 1;
  const places = firsts.slice(0, placesShown).map((first) => ({ from: nonBlank[first]!, to: nonBlank[first + last]! + 1 }));
  return { kind: "ambiguous", count: firsts.length, places };
}

function alignment(search: readonly string[], wanted: readonly number[], nonBlank: readonly number[], first: number): Alignment {
  const start = nonBlank[first]!;
  const ranges: LineRange[] = [];
  let t = 0;
  let cursor = start;
  for (let i = 0; i < search.length; i++) {
    if (wanted[t] === i) {
      const line = nonBlank[first + t]!;
      ranges.push({ from: line, to: line + 1 });
      cursor = line + 1;
      t++;
    } else {
      ranges.push({ from: cursor, to: cursor });
    }
  }
  return { start, end: cursor, ranges, mismatched: new Set() };
}
