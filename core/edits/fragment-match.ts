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

/** Line comparisons beyond which a fragment spanning many lines is not looked for (degenerate files). */
const maxWork = 2_000_000;

/** Nothing but words (keywords, names) before the text, after the indentation: `await `, `export default `. */
const wordsOnly = /^\s*(?:[A-Za-z_$][\w$]*\s+)+$/;

/** A comment alone after the code of a line. */
const commentOnly = /^\s*(?:\/\/|\/\*|#)/;

/**
 * Finds SEARCH as text inside the file when it is not whole lines (a piece of one line, or from
 * the middle of one line to the middle of another, as `old_string` edits are written): the first
 * line must end a file line, the last begin one (its indentation aside), the lines between equal
 * whole lines. A SEARCH line starting with whitespace claims the line's start. A match that
 * looks like whole lines the file has since lengthened is not taken (the model then meant the
 * old whole line): SEARCH starting at the line's start and ending early, where it repeats the
 * line's own indentation or where only a comment follows; nor SEARCH of several lines ending at
 * its last line's end and starting after words only (`await `, `export `) on the first: the
 * model then meant whole lines whose first the file has since prefixed.
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
    // Lines as written first (the last line's indentation too), then with indentation and inner whitespace ignored.
    for (const exact of [true, false]) {
      if (spanning(file, search, exact, consider) === "work" || places.length > 0) break;
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

/** Looks for SEARCH spanning several lines; "work" when there would be too many candidates to check. */
function spanning(file: FileIndex, search: readonly string[], exact: boolean, consider: (place: FragmentPlace) => boolean): "work" | undefined {
  const n = search.length;
  const lines = file.lines;
  const first = search[0]!.trimEnd();
  const leading = /^\s/.test(first);
  const head = first.trimStart();
  const tail = exact ? search[n - 1]!.trimEnd() : search[n - 1]!.trim();
  const comparator = exact ? "trailing-whitespace" : "normalized";
  const middle = search.slice(1, -1).map((line) => lineKey(line, comparator));
  const keys = file.keys(comparator);
  let starts: number[];
  if (n >= 3) {
    // Anchor on the middle line rarest in the file; give up where checking every candidate would cost too much.
    let anchor = 0;
    for (let t = 1; t < middle.length; t++) if (file.positions(comparator, middle[t]!).length < file.positions(comparator, middle[anchor]!).length) anchor = t;
    const positions = file.positions(comparator, middle[anchor]!);
    if (positions.length * middle.length > maxWork) return "work";
    starts = positions.map((p) => p - 1 - anchor);
  } else {
    starts = lines.map((_, j) => j);
  }
  for (const j of starts) {
    if (j < 0 || j + n > lines.length) continue;
    const line = lines[j]!.trimEnd();
    if (!line.endsWith(head)) continue;
    const startColumn = line.length - head.length;
    if (leading && startColumn !== indentOf(line).length) continue;
    let same = true;
    for (let t = 0; t < middle.length && same; t++) same = keys[j + 1 + t] === middle[t];
    if (!same) continue;
    const last = lines[j + n - 1]!;
    const at = exact ? 0 : indentOf(last).length;
    if (!last.startsWith(tail, at)) continue;
    if (consider({ line: j, lines: n, startColumn, endColumn: at + tail.length })) break;
  }
  return undefined;
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
  // The mirror: whole lines whose first line the file has since prefixed with words (`await `, `export `).
  if (!startsLine && endsLine && place.lines > 1 && wordsOnly.test(before)) return false;
  return true;
}
