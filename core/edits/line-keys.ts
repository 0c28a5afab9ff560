import { toAsciiPunctuation } from "./unicode-punctuation.ts";

/** How two lines are compared: each comparator maps a line to a key, and lines match when keys are equal. */
export type Comparator = "exact" | "trailing-whitespace" | "trimmed" | "normalized";

/** The key of a line under a comparator. */
export function lineKey(line: string, comparator: Comparator): string {
  switch (comparator) {
    case "exact":
      return line;
    case "trailing-whitespace":
      return line.trimEnd();
    case "trimmed":
      return line.trim();
    case "normalized":
      return normalizeLine(line);
  }
}

/** Unicode punctuation mapped to ASCII, whitespace runs collapsed to one space, ends trimmed. */
export function normalizeLine(line: string): string {
  // Fast path: most lines, once trimmed, are printable ASCII with single spaces, already normal.
  const trimmed = line.trim();
  if (!needsNormalizing.test(trimmed)) return trimmed;
  return toAsciiPunctuation(line).replace(/\s+/g, " ").trim();
}

const needsNormalizing = /[^\x20-\x7e]| {2}/;

/** Whether a line holds only whitespace. */
export function isBlank(line: string): boolean {
  return line.trim() === "";
}

/** The leading whitespace (spaces and tabs) of a line. */
export function indentOf(line: string): string {
  const match = /^[ \t]*/.exec(line);
  return match ? match[0] : "";
}
