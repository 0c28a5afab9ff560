import type { BlockMatch } from "./apply-result.ts";
import type { BlockError, LineSpan } from "./block-error.ts";
import type { Replacement } from "./build-replacement.ts";
import type { EditBlock } from "./edit-block.ts";
import { FileIndex } from "./file-index.ts";
import { blockError } from "./format-failure.ts";
import { placeBlock } from "./place-block.ts";
import type { PlacementRules } from "./place-block.ts";
import { lineKey } from "./line-keys.ts";
import { isPlaceholderLine } from "./placeholder-line.ts";
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
  const rules: PlacementRules = { ladder, loose: ladder.length > 1 };
  const edits = blocks.filter((block) => block !== creator);
  const located: Located[] = [];
  const failures: BlockError[] = [];
  const file = new FileIndex(document);
  for (const block of edits) {
    if (block.search.length === 0) {
      if (base === "" && original !== undefined && blocks.length === 1) {
        // An empty file gets its first content the way a new one would.
        return { content: creationText(block.replace), matches: [createMatch(block, path)], errors };
      }
      failures.push(blockError(block.index, path, { kind: "file-exists", createdBy: creator?.index }));
      continue;
    }
    const placement = placeBlock(document, file, block, rules);
    const quoted = placement.kind === "placed" && approximateStrategies.has(placement.strategy) ? quotedEarlierLine(file, block, edits) : undefined;
    if (placement.kind === "failed") failures.push(blockError(block.index, path, placement.failure));
    else if (quoted) failures.push(blockError(block.index, path, { kind: "quotes-earlier-block", ...quoted }));
    else located.push({ block, strategy: placement.strategy, start: placement.start, end: placement.end, replacement: placement.replacement });
  }
  const overlapping = overlaps(path, located);
  failures.push(...overlapping);
  // Worth reading the blocks in order when a block was not found (or only approximately, in several
  // places), or was found only approximately where another block changes the file.
  const approximate = new Set(located.filter((l) => approximateStrategies.has(l.strategy)).map((l) => l.block.index));
  const inOrder = failures.every((f) => {
    const failure = f.failure;
    if (failure.kind === "not-found" || failure.kind === "stale" || failure.kind === "quotes-earlier-block") return true;
    if (failure.kind === "ambiguous") return failure.strategy === "fuzzy" || failure.strategy === "stale-context";
    return failure.kind === "overlap" && (approximate.has(f.block!) || approximate.has(failure.other));
  });
  if (failures.length > 0 && inOrder && rules.loose) {
    // Blocks written one after another, each against the file as the ones before it left it (SEARCH quoting an earlier block's REPLACE).
    const sequential = applyInOrder(document, edits, rules);
    if (sequential) {
      matches.push(...sequential.located.map((l) => ({ block: l.block.index, path, strategy: l.strategy, firstLine: l.start + 1, lastLine: l.end })));
      return { content: finish(document, sequential.document), matches, errors };
    }
  }
  errors.push(...failures);
  if (errors.length > 0) return { content: undefined, matches, errors };
  for (const l of located) {
    matches.push({ block: l.block.index, path, strategy: l.strategy, firstLine: l.start + 1, lastLine: l.end });
  }
  return { content: splice(document, located), matches, errors };
}

/** Strategies that place SEARCH though some of its lines are not in the file. */
const approximateStrategies: ReadonlySet<BlockMatch["strategy"]> = new Set(["fuzzy", "stale-context"]);

/**
 * A line of the block's SEARCH that the file does not have but an earlier block of the reply
 * adds (in its REPLACE, not its SEARCH): the model wrote this block against that block's result,
 * so a place found approximately in the original file is a guess. Undefined when there is none.
 */
function quotedEarlierLine(file: FileIndex, block: EditBlock, blocks: readonly EditBlock[]): { other: number; line: string } | undefined {
  const absent = (line: string): string | undefined => {
    const key = lineKey(line, "normalized");
    return key !== "" && file.positions("normalized", key).length === 0 ? key : undefined;
  };
  const wanted = new Map<string, string>();
  for (const line of block.search) {
    const key = absent(line);
    if (key !== undefined) wanted.set(key, line);
  }
  if (wanted.size === 0) return undefined;
  for (const earlier of blocks) {
    if (earlier.index >= block.index) continue;
    const kept = new Set(earlier.search.map((line) => lineKey(line, "normalized")));
    for (const line of earlier.replace) {
      const key = lineKey(line, "normalized");
      if (wanted.has(key) && !kept.has(key)) return { other: earlier.index, line: wanted.get(key)! };
    }
  }
  return undefined;
}

/**
 * Applies the blocks in reply order, each placed in the text the previous ones produced, as a
 * model that writes a later block against its earlier edits expects. Used only when some block
 * was not found in the original, or found only approximately over another block's lines (blocks
 * found as written but overlapping stay refused); undefined if some block cannot be placed this
 * way either (then the original failure stands).
 */
function applyInOrder(original: TextDocument, blocks: readonly EditBlock[], rules: PlacementRules): { document: TextDocument; located: Located[] } | undefined {
  if (blocks.length < 2 || blocks.some((block) => block.search.length === 0)) return undefined;
  let document = original;
  const located: Located[] = [];
  for (const block of blocks) {
    const placement = placeBlock(document, new FileIndex(document), block, rules);
    if (placement.kind === "failed") return undefined;
    const l = { block, strategy: placement.strategy, start: placement.start, end: placement.end, replacement: placement.replacement };
    located.push(l);
    document = spliced(document, [l]);
  }
  return { document, located };
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

/** The document with every replacement put in (line endings of new lines still to be settled by {@link finish}). */
function spliced(document: TextDocument, located: readonly Located[]): TextDocument {
  const lines = [...document.lines];
  const eols = [...document.eols];
  for (const l of [...located].sort((a, b) => b.start - a.start)) {
    lines.splice(l.start, l.end - l.start, ...l.replacement.lines);
    eols.splice(l.start, l.end - l.start, ...l.replacement.eols);
  }
  return { ...document, lines, eols };
}

/** Writes an edited document out, keeping the original's BOM and its final newline (or lack of one). */
function finish(original: TextDocument, edited: TextDocument): string {
  const eols = [...edited.eols];
  const finalNewline = hasFinalNewline(original);
  for (let i = 0; i < eols.length; i++) {
    const last = i === eols.length - 1;
    if (last && !finalNewline) eols[i] = "";
    else if (eols[i] === "") eols[i] = original.eol;
  }
  return joinDocument({ ...edited, eols });
}

/** Puts every replacement into the document and writes it out. */
function splice(document: TextDocument, located: readonly Located[]): string {
  return finish(document, spliced(document, located));
}
