import { isBlank } from "./line-keys.ts";
import { isElisionMarker } from "./placeholder-line.ts";

/**
 * Line-number prefixes models copy from numbered excerpts into SEARCH and REPLACE: ours
 * (`12 | code`), `12: code`, an editor's `    12→code`, `L12 code`, `cat -n`'s `    12\tcode`.
 * The one space after `|`, `:` or `L12` belongs to the prefix, none after `→` or the tab: a
 * wrong guess would shift every line by a column.
 */
const styles: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  // Also as error messages show file lines: `> 12 | code` marks a line that differs from SEARCH.
  { name: "12 | ", pattern: /^[ \t]*>?[ \t]*(\d{1,7}) ?\|(?: |$)/ },
  { name: "12→", pattern: /^[ \t]*(\d{1,7})→/ },
  { name: "12: ", pattern: /^[ \t]*(\d{1,7}):(?: |$)/ },
  { name: "L12 ", pattern: /^L(\d{1,7}):?(?: |$)/ },
  { name: "12\t", pattern: /^[ \t]*(\d{1,7})\t/ },
];

/** A block with the echoed numbers taken off: SEARCH's and REPLACE's lines, and the number each SEARCH line claimed. */
export interface NumberedBlock {
  search: string[];
  replace: string[];
  /** The 1-based file line each SEARCH line said it was (undefined for a blank or `...` line without one). */
  numbers: Array<number | undefined>;
  /** How the prefix looked, for messages. */
  style: string;
}

/**
 * Finds a line-number prefix in one style on every SEARCH line (blank and `...` lines may lack
 * it), with increasing numbers, and takes it off SEARCH and REPLACE. REPLACE may carry the
 * prefix on all its lines or on none; a REPLACE line with a prefix among lines without one is
 * taken off only when it repeats a SEARCH line with its number (a kept line copied), otherwise
 * the block is "mixed": which lines are code cannot be told. Undefined when SEARCH has no such prefix.
 */
export function stripLineNumbers(search: readonly string[], replace: readonly string[]): NumberedBlock | "mixed" | undefined {
  for (const { name, pattern } of styles) {
    const numbers: Array<number | undefined> = [];
    const stripped: string[] = [];
    let consistent = true;
    for (const line of search) {
      const match = pattern.exec(line);
      if (match) {
        numbers.push(Number(match[1]));
        stripped.push(line.slice(match[0].length));
      } else if (isBlank(line) || isElisionMarker(line)) {
        numbers.push(undefined);
        stripped.push(line);
      } else {
        consistent = false;
        break;
      }
    }
    const present = numbers.filter((n): n is number => n !== undefined);
    if (!consistent || present.length === 0 || present.some((n, k) => k > 0 && n <= present[k - 1]!)) continue;
    const replaced = stripReplace(replace, pattern, numbers, stripped);
    if (replaced === undefined) return "mixed";
    return { search: stripped, replace: replaced, numbers, style: name };
  }
  return undefined;
}

function stripReplace(
  replace: readonly string[],
  pattern: RegExp,
  numbers: ReadonlyArray<number | undefined>,
  search: readonly string[],
): string[] | undefined {
  const matches = replace.map((line) => pattern.exec(line));
  const code = replace.filter((line) => !isBlank(line) && !isElisionMarker(line));
  const prefixed = matches.filter((m) => m !== null).length;
  if (prefixed === 0) return [...replace];
  if (code.every((line) => pattern.test(line))) return replace.map((line, k) => (matches[k] ? line.slice(matches[k]![0].length) : line));
  const copied = new Set(search.map((line, i) => `${numbers[i]}\u0000${line}`));
  const out: string[] = [];
  for (let k = 0; k < replace.length; k++) {
    const match = matches[k];
    if (!match) {
      out.push(replace[k]!);
      continue;
    }
    const rest = replace[k]!.slice(match[0].length);
    if (!copied.has(`${match[1]}\u0000${rest}`)) return undefined;
    out.push(rest);
  }
  return out;
}
