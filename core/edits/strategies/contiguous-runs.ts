import type { FileIndex } from "../file-index.ts";
import { lineKey } from "../line-keys.ts";
import type { Comparator } from "../line-keys.ts";
import { maxCounted } from "./strategy.ts";

/**
 * Every start line (0-based, overlapping ones included) where the SEARCH lines' keys equal a run
 * of the file's keys under a comparator; `accept` may veto a run. Stops once more than `limit`
 * are found (the answer is "several" then), unless the caller needs them all.
 */
export function contiguousRuns(
  file: FileIndex,
  search: readonly string[],
  comparator: Comparator,
  accept?: (start: number) => boolean,
  limit = maxCounted,
): number[] {
  if (search.length === 0) return [];
  const wanted = search.map((line) => lineKey(line, comparator));
  const keys = file.keys(comparator);
  // Anchor on the SEARCH line whose key is rarest in the file: fewest candidates to verify.
  let anchor = 0;
  let anchorPositions = file.positions(comparator, wanted[0]!);
  for (let i = 1; i < wanted.length && anchorPositions.length > 1; i++) {
    const positions = file.positions(comparator, wanted[i]!);
    if (positions.length < anchorPositions.length) {
      anchor = i;
      anchorPositions = positions;
    }
  }
  const starts: number[] = [];
  for (const position of anchorPositions) {
    const start = position - anchor;
    if (start < 0 || start + wanted.length > keys.length) continue;
    let same = true;
    for (let i = 0; i < wanted.length && same; i++) same = keys[start + i] === wanted[i];
    if (same && (!accept || accept(start)) && starts.push(start) > limit) break;
  }
  return starts;
}
