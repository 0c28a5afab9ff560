import { blankLines } from "./blank-lines.ts";
import { elision } from "./elision.ts";
import { exactLines } from "./exact-lines.ts";
import { exactText } from "./exact-text.ts";
import { fuzzyWindow } from "./fuzzy-window.ts";
import { indentationShift } from "./indentation-shift.ts";
import { normalizedWhitespace } from "./normalized-whitespace.ts";
import type { Strategy } from "./strategy.ts";
import { trailingWhitespace } from "./trailing-whitespace.ts";

/** Every strategy, strictest first: the order in which the applier tries them. */
export const strategyLadder: readonly Strategy[] = [
  exactText,
  exactLines,
  trailingWhitespace,
  indentationShift,
  normalizedWhitespace,
  blankLines,
  elision,
  fuzzyWindow,
];

/** Only the strictest strategy: the exact-and-unique baseline. */
export const exactOnlyLadder: readonly Strategy[] = [exactText];
