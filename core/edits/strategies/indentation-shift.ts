import { indentColumns, tabWidths } from "../indentation.ts";
import { indentOf, isBlank } from "../line-keys.ts";
import { contiguousRuns } from "./contiguous-runs.ts";
import { outcomeOfStarts } from "./strategy.ts";
import type { Strategy } from "./strategy.ts";

/**
 * SEARCH's lines equal a run of the file's lines apart from indentation, and every non-blank
 * line is shifted by the same number of columns (tabs counted at width 4, 2 or 8, so a model
 * writing spaces for a tab-indented file matches too).
 */
export const indentationShift: Strategy = {
  name: "indentation",
  locate(file, block) {
    const tabWidths = new Map<number, number>();
    const starts = contiguousRuns(file, block.search, "trimmed", (start) => {
      const tabWidth = uniformShiftTabWidth(block.search, file.lines, start);
      if (tabWidth !== undefined) tabWidths.set(start, tabWidth);
      return tabWidth !== undefined;
    });
    return outcomeOfStarts(starts, block.search.length, { tabWidth: tabWidths.get(starts[0] ?? -1) });
  },
};

/** The first tab width under which every non-blank SEARCH line is shifted by the same columns at `start`; undefined if none. */
function uniformShiftTabWidth(search: readonly string[], lines: readonly string[], start: number): number | undefined {
  const pairs: Array<[string, string]> = [];
  let tabs = false;
  for (let i = 0; i < search.length; i++) {
    const s = search[i]!;
    const f = lines[start + i]!;
    if (isBlank(s) && isBlank(f)) continue;
    const si = indentOf(s);
    const fi = indentOf(f);
    // The rest of the line must match exactly (trailing whitespace aside), not just after a full trim.
    if (s.slice(si.length).trimEnd() !== f.slice(fi.length).trimEnd()) return undefined;
    tabs ||= si.includes("\t") || fi.includes("\t");
    pairs.push([si, fi]);
  }
  for (const tabWidth of tabs ? tabWidths : tabWidths.slice(0, 1)) {
    const shifts = new Set(pairs.map(([si, fi]) => indentColumns(fi, tabWidth) - indentColumns(si, tabWidth)));
    if (shifts.size <= 1) return tabWidth;
  }
  return undefined;
}
