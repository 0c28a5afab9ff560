import type { BlockMatch } from "./apply-result.ts";
import type { BlockError, LineSpan } from "./block-error.ts";
import { buildReplacement } from "./build-replacement.ts";
import type { Replacement } from "./build-replacement.ts";
import { closestLines } from "./closest-lines.ts";
import type { EditBlock } from "./edit-block.ts";
import { FileIndex } from "./file-index.ts";
import { blockError } from "./format-failure.ts";
import { locateBlock } from "./locate-block.ts";
import { isPlaceholderLine } from "./placeholder-line.ts";
import { prepareBlock } from "./prepare-block.ts";
import type { Strategy } from "./strategies/strategy.ts";
import { hasFinalNewline, joinDocument, splitDocument } from "./text-document.ts";
import type { TextDocument } from "./text-document.ts";

/** What applying one file's blocks gave: the new content (undefined if any block failed), how each block was placed, the failures. */
export interface FileOutcome {
  content: string | undefined;
  matches: BlockMatch[];
  errors: BlockError[];
}

interface Located {
  block: EditBlock;
  strategy: BlockMatch["strategy"];
  start: number;
  end: number;
  replacement: Replacement;
}

/**
 * Applies every block for one path. Blocks are placed against the original text (so their
 * order does not matter), checked for overlap, then applied together; one failure and the
 * file is left as it was. An empty SEARCH creates a missing file, whose content the other
 * blocks for the path then edit.
 */
export function applyToFile(
  path: string,
  original: string | undefined,
  blocks: readonly EditBlock[],
  ladder: readonly Strategy[],
  suggestion: () => string | undefined,
): FileOutcome {
  const errors: BlockError[] = [];
  const matches: BlockMatch[] = [];
  let base = original;
  let creator: EditBlock | undefined;
  if (base === undefined) {
    creator = blocks.find((block) => block.search.length === 0);
    if (!creator) {
      const hint = suggestion();
      for (const block of blocks) errors.push(blockError(block.index, path, { kind: "file-missing", suggestion: hint }));
      return { content: undefined, matches, errors };
    }
    base = creationText(creator.replace);
    const placeholder = creator.replace.findIndex((line) => isPlaceholderLine(line));
    if (placeholder >= 0) {
      const text = creator.replace[placeholder]!.trim();
      errors.push(blockError(creator.index, path, { kind: "placeholder", line: placeholder + 1, text }));
    }
    matches.push({ block: creator.index, path, strategy: "create", firstLine: 1, lastLine: creator.replace.length });
  }
  const document = splitDocument(base);
  const file = new FileIndex(document);
  const located: Located[] = [];
  for (const block of blocks) {
    if (block === creator) continue;
    if (block.search.length === 0) {
      if (base === "" && original !== undefined && blocks.length === 1) {
        // An empty file gets its first content the way a new one would.
        return { content: creationText(block.replace), matches: [createMatch(block, path)], errors };
      }
      errors.push(blockError(block.index, path, { kind: "file-exists", createdBy: creator?.index }));
      continue;
    }
    const prepared = prepareBlock(block);
    if (!prepared.ok) {
      errors.push(blockError(block.index, path, prepared.problem));
      continue;
    }
    const outcome = locateBlock(file, prepared.prepared, ladder);
    switch (outcome.kind) {
      case "found": {
        const { alignment } = outcome;
        const built = buildReplacement(document, prepared.prepared, alignment);
        if (!built.ok) {
          const span = { first: alignment.start + 1, last: alignment.end };
          errors.push(blockError(block.index, path, { kind: "unclear-indentation", span }));
          break;
        }
        located.push({ block, strategy: outcome.strategy, start: alignment.start, end: alignment.end, replacement: built.replacement });
        break;
      }
      case "ambiguous": {
        const places = outcome.places.map((p) => ({ first: p.from + 1, last: p.to }));
        errors.push(blockError(block.index, path, { kind: "ambiguous", strategy: outcome.strategy, count: outcome.count, places }));
        break;
      }
      case "not-found": {
        if (prepared.prepared.elisionMismatch) {
          errors.push(blockError(block.index, path, prepared.prepared.elisionMismatch));
        } else if (outcome.stale) {
          const { start, end, differing } = outcome.stale;
          const excerpt = { first: start + 1, lines: document.lines.slice(start, end), differing: differing.map((d) => d.file + 1) };
          const changedLines = differing.filter((d) => prepared.prepared.changed[d.search]).map((d) => d.file + 1);
          errors.push(blockError(block.index, path, { kind: "stale", excerpt, changedLines }));
        } else {
          errors.push(blockError(block.index, path, { kind: "not-found", excerpt: closestLines(file, prepared.prepared.search) }));
        }
        break;
      }
    }
  }
  errors.push(...overlaps(path, located));
  if (errors.length > 0) return { content: undefined, matches, errors };
  for (const l of located) {
    matches.push({ block: l.block.index, path, strategy: l.strategy, firstLine: l.start + 1, lastLine: l.end });
  }
  return { content: splice(document, located), matches, errors };
}

function createMatch(block: EditBlock, path: string): BlockMatch {
  return { block: block.index, path, strategy: "create", firstLine: 1, lastLine: block.replace.length };
}

/** A new file's text: REPLACE's lines, each ending with "\n". */
function creationText(lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join("");
}

function overlaps(path: string, located: readonly Located[]): BlockError[] {
  const sorted = [...located].sort((a, b) => a.start - b.start || a.block.index - b.block.index);
  const errors: BlockError[] = [];
  for (let i = 1; i < sorted.length; i++) {
    for (let k = 0; k < i; k++) {
      const a = sorted[k]!;
      const b = sorted[i]!;
      if (b.start < a.end) {
        const [later, earlier] = a.block.index > b.block.index ? [a, b] : [b, a];
        errors.push(
          blockError(later.block.index, path, {
            kind: "overlap",
            span: spanOf(later),
            other: earlier.block.index,
            otherSpan: spanOf(earlier),
          }),
        );
        break;
      }
    }
  }
  return errors;
}

function spanOf(located: Located): LineSpan {
  return { first: located.start + 1, last: located.end };
}

/** Puts every replacement into the document and writes it out, keeping its BOM and its final newline (or lack of one). */
function splice(document: TextDocument, located: readonly Located[]): string {
  const lines = [...document.lines];
  const eols = [...document.eols];
  for (const l of [...located].sort((a, b) => b.start - a.start)) {
    lines.splice(l.start, l.end - l.start, ...l.replacement.lines);
    eols.splice(l.start, l.end - l.start, ...l.replacement.eols);
  }
  const finalNewline = hasFinalNewline(document);
  for (let i = 0; i < eols.length; i++) {
    const last = i === eols.length - 1;
    if (last && !finalNewline) eols[i] = "";
    else if (eols[i] === "") eols[i] = document.eol;
  }
  return joinDocument({ ...document, lines, eols });
}
