import { indentOf, isBlank } from "./line-keys.ts";
import type { PreparedBlock } from "./prepare-block.ts";
import { planReindent } from "./reindent-plan.ts";
import type { AlignedPair, Neighbours } from "./reindent-plan.ts";
import type { Alignment } from "./strategies/strategy.ts";
import type { TextDocument } from "./text-document.ts";
import { asciiPunctuationOf } from "./unicode-punctuation.ts";

/** The lines (with terminators) that replace a block's span in the file. */
export interface Replacement {
  lines: string[];
  eols: string[];
}

type Pair = AlignedPair;

/**
 * Builds what replaces the matched span. SEARCH lines that REPLACE keeps are written as the file
 * has them (byte for byte, line endings included), whatever the model typed; removed lines are
 * dropped; new lines get the file's line ending and, when the match needed it, the file's
 * indentation (shift and tabs) and its ASCII punctuation. File lines no SEARCH line stands for
 * (blank lines the model left out, elided code) are kept, unless they sit inside removed code.
 */
export function buildReplacement(
  document: TextDocument,
  block: PreparedBlock,
  alignment: Alignment,
): { ok: true; replacement: Replacement } | { ok: false; problem: "unclear-indentation" } {
  const out: Replacement = { lines: [], eols: [] };
  const pairs = alignedPairs(document, block, alignment);
  const newLines = block.ops.flatMap((op) => (op.kind === "insert" && !isBlank(block.replace[op.b]!) ? [block.replace[op.b]!] : []));
  const plan = planReindent(pairs.list, document, newLines);
  if (plan.kind === "unclear") return { ok: false, problem: "unclear-indentation" };
  const punctuation = punctuationPlan(pairs, document, alignment);
  let cursor = alignment.start;
  let previousDeleted = false;
  const copy = (from: number, to: number): void => {
    for (let j = from; j < to; j++) {
      out.lines.push(document.lines[j]!);
      out.eols.push(document.eols[j]!);
    }
  };
  for (const op of block.ops) {
    if (op.kind === "insert") {
      const line = block.replace[op.b]!;
      const firstIndent = op.b === 0 && indentOf(line) === "" ? pairs.firstLineIndent : undefined;
      const placed = isBlank(line) ? line : firstIndent !== undefined ? firstIndent + line : plan.reindent(line, pairs.around(op.b));
      if (placed === undefined) return { ok: false, problem: "unclear-indentation" };
      out.lines.push(punctuation(placed));
      out.eols.push(document.eol);
      continue;
    }
    const range = alignment.ranges[op.a]!;
    const deleted = op.kind === "delete";
    // File lines between SEARCH lines: kept, unless both neighbours are removed (then they are inside removed code).
    if (!(deleted && previousDeleted)) copy(cursor, range.from);
    if (!deleted) copy(range.from, range.to);
    cursor = Math.max(cursor, range.to);
    previousDeleted = deleted;
  }
  copy(cursor, alignment.end);
  return { ok: true, replacement: out };
}

/** SEARCH lines aligned one-to-one with a non-blank file line, and a lookup of those just around a REPLACE line. */
function alignedPairs(document: TextDocument, block: PreparedBlock, alignment: Alignment) {
  const bySearchLine = new Map<number, Pair>();
  alignment.ranges.forEach((range, i) => {
    const search = block.search[i]!;
    const file = document.lines[range.from];
    if (range.to - range.from === 1 && file !== undefined && !isBlank(search) && !isBlank(file)) {
      bySearchLine.set(i, { search, file });
    }
  });
  // A first line copied without its indentation while every other line has the file's (as `old_string`
  // edits start at the first line's code) says nothing about how the rest is indented: only a line
  // rewriting it takes its indentation from it.
  const firstPair = bySearchLine.get(0);
  const others = [...bySearchLine.entries()].filter(([i]) => i !== 0).map(([, p]) => p);
  const firstUnindented =
    firstPair !== undefined && indentOf(firstPair.search) === "" && indentOf(firstPair.file) !== "" && others.length > 0 && others.every((p) => indentOf(p.search) === indentOf(p.file));
  const guides = firstUnindented ? new Map([...bySearchLine].filter(([i]) => i !== 0)) : bySearchLine;
  // For each REPLACE line, the SEARCH line just before it in the diff (or just after, at the top),
  // and, for a line that rewrites a removed one (the k-th new line of a change after its k-th removed line), that line.
  const before = new Map<number, number>();
  const after = new Map<number, number>();
  const rewrites = new Map<number, number>();
  let lastSearch: number | undefined;
  let pendingInserts: number[] = [];
  let hunkDeletes: number[] = [];
  let hunkInserts = 0;
  for (const op of block.ops) {
    if (op.kind === "insert") {
      if (lastSearch !== undefined) before.set(op.b, lastSearch);
      pendingInserts.push(op.b);
      const removed = hunkDeletes[hunkInserts++];
      if (removed !== undefined) rewrites.set(op.b, removed);
      continue;
    }
    if (op.kind === "keep") {
      hunkDeletes = [];
      hunkInserts = 0;
    } else {
      hunkDeletes.push(op.a);
    }
    if (guides.has(op.a)) {
      lastSearch = op.a;
      for (const b of pendingInserts) after.set(b, op.a);
      pendingInserts = [];
    }
  }
  const pairOf = (i: number | undefined): Pair | undefined => (i === undefined ? undefined : guides.get(i));
  return {
    /** The file's indentation for REPLACE's first line when SEARCH's first line left it out (both start at the code). */
    firstLineIndent: firstUnindented ? indentOf(firstPair.file) : undefined,
    list: [...guides.values()],
    around(replaceLine: number): Neighbours {
      const rewritten = rewrites.get(replaceLine);
      return { before: pairOf(before.get(replaceLine)), after: pairOf(after.get(replaceLine)), rewritten: rewritten === undefined ? undefined : bySearchLine.get(rewritten) };
    },
  };
}

/**
 * When SEARCH only matched after mapping Unicode punctuation to ASCII (the model "prettified"
 * quotes or dashes), the same characters in its new lines are mapped too, unless the matched
 * code itself uses them.
 */
function punctuationPlan(pairs: { list: Pair[] }, document: TextDocument, alignment: Alignment): (line: string) => string {
  const targets = new Set<string>();
  for (const p of pairs.list) {
    for (const char of p.search) {
      const ascii = asciiPunctuationOf(char);
      if (ascii === undefined || p.file.includes(char)) continue;
      targets.add(ascii);
      // Quotes go together: a model that curls one kind curls the other.
      if (ascii === "'" || ascii === '"') targets.add("'").add('"');
    }
  }
  if (targets.size === 0) return (line) => line;
  const span = document.lines.slice(alignment.start, alignment.end).join("\n");
  return (line) => {
    let result = "";
    for (const char of line) {
      const ascii = asciiPunctuationOf(char);
      result += ascii !== undefined && targets.has(ascii) && !span.includes(char) ? ascii : char;
    }
    return result;
  };
}
