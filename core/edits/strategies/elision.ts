import type { Comparator } from "../line-keys.ts";
import type { FileIndex } from "../file-index.ts";
import { contiguousRuns } from "./contiguous-runs.ts";
import type { Alignment, LineRange, Strategy, StrategyOutcome } from "./strategy.ts";
import { placesShown } from "./strategy.ts";

/** Comparators tried in turn, stricter first; the first under which the pieces chain at all decides. */
const comparators: readonly Comparator[] = ["exact", "trailing-whitespace", "normalized"];

/**
 * SEARCH with `...` lines: the pieces between markers are found in order, and the code a marker
 * stands for is whatever the file has between them (copied back unchanged). Every way of placing
 * the pieces in order counts as a place, so the chain must be unique as a whole.
 */
export const elision: Strategy = {
  name: "elision",
  locate(file, block) {
    if (block.elisions.length === 0 || block.elisionMismatch) return { kind: "none" };
    const pieces: Array<{ first: number; lines: string[] }> = [];
    let first = 0;
    for (const marker of [...block.elisions, block.search.length]) {
      if (marker > first) pieces.push({ first, lines: block.search.slice(first, marker) });
      else if (marker === 0 || marker === block.search.length) return { kind: "none" };
      first = marker + 1;
    }
    if (pieces.length < 2) return { kind: "none" };
    for (const comparator of comparators) {
      const outcome = chain(file, block.search.length, pieces, comparator);
      if (outcome.kind !== "none") return outcome;
    }
    return { kind: "none" };
  },
};

function chain(
  file: FileIndex,
  searchLength: number,
  pieces: ReadonlyArray<{ first: number; lines: string[] }>,
  comparator: Comparator,
): StrategyOutcome {
  // Every place of every piece: a truncated list could hide chains and make a several-way chain look unique.
  const starts = pieces.map((piece) => contiguousRuns(file, piece.lines, comparator, undefined, Infinity));
  // ways[k][j]: how many ways pieces 0..k can be placed in order ending with piece k at starts[k][j].
  const ways: number[][] = [starts[0]!.map(() => 1)];
  for (let k = 1; k < pieces.length; k++) {
    const previous = starts[k - 1]!;
    const previousWays = ways[k - 1]!;
    const length = pieces[k - 1]!.lines.length;
    let sum = 0;
    let q = 0;
    ways.push(
      starts[k]!.map((start) => {
        while (q < previous.length && previous[q]! + length <= start) sum = Math.min(sum + previousWays[q++]!, 1e9);
        return sum;
      }),
    );
  }
  const last = ways[pieces.length - 1]!;
  const total = last.reduce((a, b) => Math.min(a + b, 1e9), 0);
  if (total === 0) return { kind: "none" };
  if (total > 1) {
    const places: LineRange[] = [];
    const firstLength = pieces[0]!.lines.length;
    for (const start of starts[0]!) if (places.length < placesShown) places.push({ from: start, to: start + firstLength });
    return { kind: "ambiguous", count: total, places };
  }
  // Exactly one chain: walk it back from the only last piece with a way.
  const chosen: number[] = new Array<number>(pieces.length);
  let bound = Infinity;
  for (let k = pieces.length - 1; k >= 0; k--) {
    const length = pieces[k]!.lines.length;
    const j = starts[k]!.findIndex((start, index) => ways[k]![index]! > 0 && start + length <= bound);
    chosen[k] = starts[k]![j]!;
    bound = chosen[k]!;
  }
  return { kind: "unique", alignment: alignmentOf(searchLength, pieces, chosen) };
}

function alignmentOf(
  searchLength: number,
  pieces: ReadonlyArray<{ first: number; lines: string[] }>,
  chosen: readonly number[],
): Alignment {
  const ranges: LineRange[] = new Array<LineRange>(searchLength);
  pieces.forEach((piece, k) => {
    piece.lines.forEach((_, t) => (ranges[piece.first + t] = { from: chosen[k]! + t, to: chosen[k]! + t + 1 }));
    const next = pieces[k + 1];
    if (next) {
      const gap = { from: chosen[k]! + piece.lines.length, to: chosen[k + 1]! };
      for (let marker = piece.first + piece.lines.length; marker < next.first; marker++) {
        ranges[marker] = marker === next.first - 1 ? gap : { from: gap.from, to: gap.from };
      }
    }
  });
  const lastPiece = pieces[pieces.length - 1]!;
  return {
    start: chosen[0]!,
    end: chosen[chosen.length - 1]! + lastPiece.lines.length,
    ranges,
    mismatched: new Set(),
  };
}
