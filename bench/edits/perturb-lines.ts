import type { Random } from "./random.ts";

/** Line-level drift a model introduces when it copies code. */

/** Appends spaces or a tab to the line. */
export function addTrailingWhitespace(random: Random, line: string): string {
  return line + random.pick([" ", "  ", "\t", "   "]);
}

/** Moves a non-blank line's indentation by `shift` columns of spaces (never below zero). */
export function shiftIndent(line: string, shift: number): string {
  if (line.trim() === "") return line;
  const indent = /^ */.exec(line)![0].length;
  return " ".repeat(Math.max(0, indent + shift)) + line.trimStart();
}

/** The smallest indentation (in spaces) of the non-blank lines. */
export function minIndent(lines: readonly string[]): number {
  const widths = lines.filter((l) => l.trim() !== "").map((l) => /^ */.exec(l)![0].length);
  return widths.length === 0 ? 0 : Math.min(...widths);
}

/** Leading space indentation converted to tabs, `unit` spaces a tab (the rest stays spaces). */
export function spacesToTabs(line: string, unit: number): string {
  const spaces = /^ */.exec(line)![0].length;
  return "\t".repeat(Math.floor(spaces / unit)) + " ".repeat(spaces % unit) + line.slice(spaces);
}

/** Leading tabs shown as `width` spaces each, as a model reading a tab-indented file often writes them. */
export function tabsToSpaces(line: string, width: number): string {
  const indent = /^[ \t]*/.exec(line)![0];
  return indent.replace(/\t/g, " ".repeat(width)) + line.slice(indent.length);
}

/** Straight quotes replaced by curly ones, alternating opening and closing. */
export function curlQuotes(line: string): string {
  let double = 0;
  let single = 0;
  return line.replace(/["']/g, (q) => (q === '"' ? (double++ % 2 === 0 ? "\u201C" : "\u201D") : single++ % 2 === 0 ? "\u2018" : "\u2019"));
}

/** Which Unicode look-alike a case uses. */
export type LookAlike = "nbsp" | "dash" | "ellipsis";

/** Inner spaces, " - " minus signs or "..." replaced by their Unicode look-alikes. */
export function useLookAlike(line: string, kind: LookAlike): string {
  const indent = /^[ \t]*/.exec(line)![0];
  const body = line.slice(indent.length);
  switch (kind) {
    case "nbsp":
      return indent + body.replace(/(\S) (\S)/g, "$1\u00A0$2");
    case "dash":
      return indent + body.replace(/ - /g, " \u2013 ");
    case "ellipsis":
      return indent + body.replace(/\.\.\./g, "\u2026");
  }
}

/** One inner space doubled or turned into a tab. */
export function driftInnerWhitespace(random: Random, line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  const body = line.slice(indent.length);
  const spaces = [...body.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return line;
  const at = random.pick(spaces);
  return indent + body.slice(0, at) + random.pick(["  ", "\t", "   "]) + body.slice(at + 1);
}

/** A one-character typo inside a word: two letters swapped, one dropped, or one replaced. */
export function typo(random: Random, line: string): string {
  const words = [...line.matchAll(/[A-Za-z]{4,}/g)];
  if (words.length === 0) return line;
  const word = random.pick(words);
  const at = word.index + random.int(1, word[0].length - 2);
  const chars = [...line];
  switch (random.int(0, 2)) {
    case 0:
      [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
      break;
    case 1:
      chars.splice(at, 1);
      break;
    default:
      chars[at] = chars[at] === "x" ? "q" : "x";
  }
  return chars.join("");
}
