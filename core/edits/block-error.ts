import type { StrategyName } from "./strategies/strategy.ts";

/** A 1-based, inclusive range of file lines, as messages show them. */
export interface LineSpan {
  first: number;
  last: number;
}

/** File lines shown to the model: its real text around where SEARCH was probably meant. */
export interface Excerpt {
  /** 1-based number of the first line shown. */
  first: number;
  lines: string[];
  /** Lines of this excerpt (1-based) that differ from SEARCH, when known. */
  differing?: number[];
}

/** Why one block could not be applied. */
export type BlockFailure =
  | { kind: "malformed"; line: number; detail: string }
  | { kind: "path-refused"; reason: string }
  | { kind: "unreadable"; reason: string }
  | { kind: "file-missing"; suggestion?: string }
  | { kind: "file-exists"; createdBy?: number }
  | { kind: "not-found"; excerpt?: Excerpt }
  | { kind: "stale"; excerpt: Excerpt; changedLines: number[] }
  | { kind: "ambiguous"; strategy: StrategyName; count: number; places: LineSpan[] }
  | { kind: "overlap"; span: LineSpan; other: number; otherSpan: LineSpan }
  | { kind: "placeholder"; line: number; text: string }
  | { kind: "unclear-indentation"; span: LineSpan }
  | { kind: "elision-mismatch"; searchCount: number; replaceCount: number }
  /** SEARCH carried line numbers copied from an excerpt: they disagree with where it was found, or only some REPLACE lines carry them (claimed undefined). */
  | { kind: "line-numbers"; style: string; claimed: LineSpan | undefined; found: LineSpan | undefined }
  /** SEARCH, found only approximately, has a line the file lacks and an earlier block adds: it was written against that block's result. */
  | { kind: "quotes-earlier-block"; other: number; line: string };

/** One block's failure: which block, which file, why, and the model-readable text for it. */
export interface BlockError {
  /** The block's 1-based index in the edit text; undefined for a stray marker outside any block. */
  block: number | undefined;
  path?: string;
  failure: BlockFailure;
  /** What went wrong and what to resend, for the model (several lines when file lines are shown). */
  message: string;
}
