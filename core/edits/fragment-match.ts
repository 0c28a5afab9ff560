import type { FileIndex } from "./file-index.ts";
import { indentOf, isBlank, lineKey } from "./line-keys.ts";
import { maxCounted, placesShown } from "./strategies/strategy.ts";
import type { LineRange } from "./strategies/strategy.ts";

/** Where SEARCH text that is not whole lines sits: from a column of one file line to a column of another (0-based). */
export interface FragmentPlace {
  line: number;
  lines: number;
  startColumn: number;
  endColumn: number;
}

/** One place, several, or none. */
export type FragmentOutcome =
  | { kind: "unique"; place: FragmentPlace }
  | { kind: "ambiguous"; count: number; places: LineRange[] }
  | { kind: "none" };

/** A comment alone after the code of a line. */
const commentOnly = /^\s*(?:\/\/|\/\*|#)/;

/**
 * Finds SEARCH as text inside the file when it is not whole lines (a piece of one line, or from
 * the middle of one line to the middle of another, as `old_string` edits are written): the first
 * line must end a file line, the last begin one (its indentation aside), the lines between equal
 * whole lines. A SEARCH line starting with whitespace claims the line's start. A match that
 * looks like whole lines the file has since lengthened is not taken (the model then meant the
 * old whole line): SEARCH starting at the line's start and ending early, where it repeats the
 * line's own indentation or where only a comment follows.
 */
export function locateFragment(file: FileIndex, search: readonly string[]): FragmentOutcome {
  const n = search.length;
  if (n === 0 || isBlank(search[0]!) || isBlank(search[n - 1]!)) return { kind: "none" };
  const lines = file.lines;
  const places: FragmentPlace[] = [];
  const consider = (place: FragmentPlace): boolean => {
    if (!plausible(search, lines, place)) return false;
    return places.push(place) > maxCounted;
  };
  if (n === 1) {
    const raw = search[0]!.trimEnd();
    const leading = /^\s/.test(raw);
    const needle = raw.trimStart();
    for (let j = 0; j < lines.length; j++) {
      const line = lines[j]!;
      if (leading) {
        const indent = indentOf(line).length;
        if (line.startsWith(needle, indent) && consider({ line: j, lines: 1, startColumn: indent, endColumn: indent + needle.length })) break;
        continue;
      }
      let at = line.indexOf(needle);
      let full = false;
      while (at >= 0 && !full) {
        full = consider({ line: j, lines: 1, startColumn: at, endColumn: at + needle.length });
        at = line.indexOf(needle, at + 1);
      }
      if (full) break;
    }
  } else {
    const first = search[0]!.trimEnd();
    const leading = /^\s/.test(first);
    const head = first.trimStart();
    const tail = search[n - 1]!.trim();
    const middle = search.slice(1, -1).map((line) => lineKey(line, "normalized"));
    const starts = n >= 3 ? file.positions("normalized", middle[0]!).map((p) => p - 1) : lines.map((_, j) => j);
    for (const j of starts) {
      if (j < 0 || j + n > lines.length) continue;
      const line = lines[j]!.trimEnd();
      if (!line.endsWith(head)) continue;
      const startColumn = line.length - head.length;
      if (leading && startColumn !== indentOf(line).length) continue;
      let same = true;
      for (let t = 0; t < middle.length && same; t++) same = file.keys("normalized")[j + 1 + t] === middle[t];
      if (!same) continue;
      const last = lines[j + n - 1]!;
      const indent = indentOf(last).length;
      if (!last.startsWith(tail, indent)) continue;
      if (consider({ line: j, lines: n, startColumn, endColumn: indent + tail.length })) break;
    }
  }
  if (places.length === 0) return { kind: "none" };
  if (places.length === 1) return { kind: "unique", place: places[0]! };
  return {
    kind: "ambiguous",
    count: places.length,
    places: places.slice(0, placesShown).map((p) => ({ from: p.line, to: p.line + p.lines })),
  };
}

/** Whether a match is a real fragment, not whole lines (found by the line strategies) nor whole lines the file has since lengthened. */
function plausible(search: readonly string[], lines: readonly string[], place: FragmentPlace): boolean {
  const firstLine = lines[place.line]!;
  const lastLine = lines[place.line + place.lines - 1]!;
  const before = firstLine.slice(0, place.startColumn);
  const after = lastLine.slice(place.endColumn);
  const startsLine = before.trim() === "";
  const endsLine = after.trim() === "";
  if (startsLine && endsLine) return false;
  if (startsLine && !endsLine) {
    const lastSearch = search[search.length - 1]!;
    const indent = indentOf(lastLine);
    if (indent !== "" && lastSearch.startsWith(indent) && !/^\s/.test(lastSearch.slice(indent.length))) return false;
    if (commentOnly.test(after)) return false;
  }
  return true;
}
