import type { BlockMatch } from "./apply-result.ts";
import type { BlockFailure } from "./block-error.ts";
import { buildReplacement } from "./build-replacement.ts";
import type { Replacement } from "./build-replacement.ts";
import { closestLines } from "./closest-lines.ts";
import type { EditBlock } from "./edit-block.ts";
import type { FileIndex } from "./file-index.ts";
import { locateFragment } from "./fragment-match.ts";
import type { FragmentPlace } from "./fragment-match.ts";
import { stripLineNumbers } from "./line-number-prefix.ts";
import { locateBlock } from "./locate-block.ts";
import { prepareBlock } from "./prepare-block.ts";
import type { PreparedBlock } from "./prepare-block.ts";
import { lineForLine } from "./strategies/strategy.ts";
import type { Alignment, Strategy } from "./strategies/strategy.ts";
import type { TextDocument } from "./text-document.ts";

/** Where one block goes in a document and what replaces the lines there, or why it cannot be placed. */
export type Placement =
  | { kind: "placed"; strategy: BlockMatch["strategy"]; start: number; end: number; replacement: Replacement; alignment: Alignment }
  | { kind: "failed"; failure: BlockFailure };

/** How a block is placed: the strategies, and whether the loose readings (echoed line numbers, SEARCH text that is not whole lines) are tried. */
export interface PlacementRules {
  ladder: readonly Strategy[];
  loose: boolean;
}

/**
 * Places one non-empty-SEARCH block: the strategies strictest first; when none finds SEARCH,
 * SEARCH and REPLACE without the line numbers the model copied from a numbered excerpt (which
 * must then agree with where SEARCH was found), then SEARCH as text within lines.
 */
export function placeBlock(document: TextDocument, file: FileIndex, block: EditBlock, rules: PlacementRules): Placement {
  return place(document, file, block, rules, true);
}

function place(document: TextDocument, file: FileIndex, block: EditBlock, rules: PlacementRules, numbersAllowed: boolean): Placement {
  const prepared = prepareBlock(block);
  if (!prepared.ok) return { kind: "failed", failure: prepared.problem };
  const outcome = locateBlock(file, prepared.prepared, rules.ladder);
  if (outcome.kind === "found") {
    const { alignment } = outcome;
    const elsewhere = rules.loose && looseStrategies.has(outcome.strategy) ? fragmentElsewhere(file, prepared.prepared, alignment) : undefined;
    if (elsewhere) return { kind: "failed", failure: elsewhere };
    return build(document, prepared.prepared, outcome.strategy, alignment);
  }
  if (outcome.kind === "ambiguous") {
    const places = outcome.places.map((p) => ({ first: p.from + 1, last: p.to }));
    return { kind: "failed", failure: { kind: "ambiguous", strategy: outcome.strategy, count: outcome.count, places } };
  }
  if (rules.loose && numbersAllowed) {
    const numbered = stripLineNumbers(block.search, block.replace);
    if (numbered === "mixed") return { kind: "failed", failure: { kind: "line-numbers", style: "", claimed: undefined, found: undefined } };
    if (numbered) {
      const inner = place(document, file, { ...block, search: numbered.search, replace: numbered.replace }, rules, false);
      if (inner.kind === "failed") return inner;
      const claimed = numbered.numbers.filter((n): n is number => n !== undefined);
      const agree = numbered.numbers.every((number, i) => {
        const range = inner.alignment.ranges[i];
        return number === undefined || range === undefined || range.to - range.from !== 1 || range.from + 1 === number;
      });
      if (agree) return inner;
      const found = { first: inner.start + 1, last: inner.end };
      return { kind: "failed", failure: { kind: "line-numbers", style: numbered.style, claimed: { first: claimed[0]!, last: claimed.at(-1)! }, found } };
    }
  }
  if (rules.loose && prepared.prepared.elisions.length === 0) {
    const fragment = locateFragment(file, prepared.prepared.search);
    if (fragment.kind === "unique") return placeFragment(document, block, prepared.prepared, fragment.place);
    if (fragment.kind === "ambiguous") {
      const places = fragment.places.map((p) => ({ first: p.from + 1, last: p.to }));
      return { kind: "failed", failure: { kind: "ambiguous", strategy: "fragment", count: fragment.count, places } };
    }
  }
  const { prepared: p } = prepared;
  if (p.elisionMismatch) return { kind: "failed", failure: p.elisionMismatch };
  if (outcome.stale) {
    const { start, end, differing } = outcome.stale;
    const excerpt = { first: start + 1, lines: document.lines.slice(start, end), differing: differing.map((d) => d.file + 1) };
    const changedLines = differing.filter((d) => p.changed[d.search]).map((d) => d.file + 1);
    return { kind: "failed", failure: { kind: "stale", excerpt, changedLines } };
  }
  return { kind: "failed", failure: { kind: "not-found", excerpt: closestLines(file, p.search) } };
}

/** Strategies that ignore indentation: their SEARCH may also be read as text inside other lines. */
const looseStrategies: ReadonlySet<BlockMatch["strategy"]> = new Set(["indentation", "normalized-whitespace", "blank-lines", "fuzzy", "stale-context"]);

/**
 * SEARCH found only loosely as whole lines, but also word for word inside other lines (`return x;`
 * as a line here and in `if (a) return x;` there): read as lines or as text, it means different
 * places, so the block is ambiguous.
 */
function fragmentElsewhere(file: FileIndex, block: PreparedBlock, alignment: Alignment): BlockFailure | undefined {
  if (block.elisions.length > 0) return undefined;
  const fragment = locateFragment(file, block.search);
  if (fragment.kind === "none") return undefined;
  const places = fragment.kind === "unique" ? [{ from: fragment.place.line, to: fragment.place.line + fragment.place.lines }] : fragment.places;
  const outside = places.filter((p) => p.to <= alignment.start || p.from >= alignment.end);
  if (outside.length === 0 && fragment.kind === "unique") return undefined;
  const shown = [{ first: alignment.start + 1, last: alignment.end }, ...outside.map((p) => ({ first: p.from + 1, last: p.to }))];
  return { kind: "ambiguous", strategy: "fragment", count: 1 + (fragment.kind === "unique" ? 1 : fragment.count), places: shown };
}

function build(document: TextDocument, prepared: PreparedBlock, strategy: BlockMatch["strategy"], alignment: Alignment): Placement {
  const built = buildReplacement(document, prepared, alignment);
  if (!built.ok) return { kind: "failed", failure: { kind: "unclear-indentation", span: { first: alignment.start + 1, last: alignment.end } } };
  return { kind: "placed", strategy, start: alignment.start, end: alignment.end, replacement: built.replacement, alignment };
}

/**
 * A fragment becomes whole lines: the file's text before it on its first line goes in front of
 * SEARCH's and REPLACE's first lines, the text after it on its last line after their last
 * lines; then it is placed line for line where it was found.
 */
function placeFragment(document: TextDocument, block: EditBlock, prepared: PreparedBlock, place: FragmentPlace): Placement {
  const first = document.lines[place.line]!;
  const last = document.lines[place.line + place.lines - 1]!;
  const before = first.slice(0, place.startColumn);
  const after = last.slice(place.endColumn);
  const search = [...prepared.search];
  const startsWithSpace = /^\s/.test(search[0]!);
  const endsWithSpace = /\s$/.test(search[search.length - 1]!);
  const fit = (line: string, k: number, count: number): string => {
    let text = line;
    if (k === 0) text = before + (startsWithSpace ? text.trimStart() : text);
    if (k === count - 1) text = (endsWithSpace ? text.trimEnd() : text) + after;
    return text;
  };
  const wholeSearch = search.map((line, k) => fit(line, k, search.length));
  if (search.length > 1) {
    wholeSearch[0] = first;
    wholeSearch[wholeSearch.length - 1] = last;
  } else {
    wholeSearch[0] = first;
  }
  const replace = prepared.replace.length === 0 ? [before + after] : prepared.replace.map((line, k) => fit(line, k, prepared.replace.length));
  // The fragment had no `...` marker (it is placed only then): its lines, rebuilt from the file's text, are read literally.
  const whole = prepareBlock({ ...block, search: wholeSearch, replace }, true);
  if (!whole.ok) return { kind: "failed", failure: whole.problem };
  return build(document, whole.prepared, "fragment", lineForLine(place.line, place.lines));
}
