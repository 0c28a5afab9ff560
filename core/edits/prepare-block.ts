import { editScript } from "../patches/myers-diff.ts";
import type { DiffOp } from "../patches/myers-diff.ts";
import type { EditBlock } from "./edit-block.ts";
import { isElisionMarker as isMarker, isPlaceholderLine } from "./placeholder-line.ts";

/** A block checked for what can be judged without the file, with its SEARCH → REPLACE diff. */
export interface PreparedBlock {
  block: EditBlock;
  /** SEARCH lines, without elision markers that open or close both SEARCH and REPLACE. */
  search: string[];
  /** REPLACE lines, trimmed the same way. */
  replace: string[];
  /** How REPLACE differs from SEARCH; elision markers always pair with each other. */
  ops: DiffOp[];
  /** For each SEARCH line, whether the edit removes or rewrites it (false: it is context, kept as the file has it). */
  changed: boolean[];
  /** Indices of SEARCH lines that are elision markers (`...`). */
  elisions: number[];
  /**
   * Set when SEARCH's `...` lines do not pair with REPLACE's: the block can then only match with
   * its `...` taken literally (a file may really contain such a line); otherwise this is the error.
   */
  elisionMismatch?: BlockShapeProblem;
}

/** Why a block was refused before looking at the file. */
export type BlockShapeProblem =
  | { kind: "placeholder"; line: number; text: string }
  | { kind: "elision-mismatch"; searchCount: number; replaceCount: number };

const elisionKey = "\u0000...";
/** Blocks differing in more lines than this count as rewritten wholesale (SEARCH and REPLACE are short; this bounds hostile input). */
const maxDifferences = 2000;

/**
 * Prepares a non-empty-SEARCH block, or says why its shape alone makes it unsafe to apply. With
 * `literal`, no line is read as an elision marker or a placeholder (lines rebuilt from the file's
 * own text around a fragment already judged, where `* ...options,` is code).
 */
export function prepareBlock(block: EditBlock, literal = false): { ok: true; prepared: PreparedBlock } | { ok: false; problem: BlockShapeProblem } {
  const isElisionMarker = literal ? (): boolean => false : isMarker;
  let search = block.search;
  let replace = block.replace;
  let replaceOffset = 0;
  // A `...` opening or closing both sides says "the file goes on"; it elides nothing between pieces.
  while (search.length > 1 && replace.length > 0 && isElisionMarker(search[0]!) && isElisionMarker(replace[0]!)) {
    search = search.slice(1);
    replace = replace.slice(1);
    replaceOffset++;
  }
  while (search.length > 1 && replace.length > 0 && isElisionMarker(search.at(-1)!) && isElisionMarker(replace.at(-1)!)) {
    search = search.slice(0, -1);
    replace = replace.slice(0, -1);
  }
  const key = (line: string): string => (isElisionMarker(line) ? elisionKey : line);
  const ops = editScript(search.map(key), replace.map(key), { maxDifferences });
  const changed = search.map(() => false);
  const elisions: number[] = [];
  search.forEach((line, i) => {
    if (isElisionMarker(line)) elisions.push(i);
  });
  let unpairedElision = false;
  for (const op of ops) {
    if (op.kind === "delete") {
      changed[op.a] = true;
      if (isElisionMarker(search[op.a]!)) unpairedElision = true;
    } else if (op.kind === "insert") {
      const line = replace[op.b]!;
      if (isElisionMarker(line) && elisions.length > 0) unpairedElision = true;
      else if (!literal && isPlaceholderLine(line)) return { ok: false, problem: { kind: "placeholder", line: op.b + 1 + replaceOffset, text: line.trim() } };
    }
  }
  const prepared: PreparedBlock = { block, search, replace, ops, changed, elisions };
  if (unpairedElision) {
    const replaceCount = replace.filter((line) => isElisionMarker(line)).length;
    prepared.elisionMismatch = { kind: "elision-mismatch", searchCount: elisions.length, replaceCount };
  }
  return { ok: true, prepared };
}
