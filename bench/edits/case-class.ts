import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import type { Random } from "./random.ts";
import { randomStyle, renderReply } from "./render-reply.ts";
import { textOf } from "./source-files.ts";
import type { SourceFile } from "./source-files.ts";
import { applyTrueEdits, makeRegion, partsOf, searchAndReplace } from "./true-edits.ts";
import type { BlockParts, EditRegion, RegionOptions } from "./true-edits.ts";

/** What a case class produces: the files, the model's reply, and (for should-apply) the exact expected changes. */
export interface CaseBody {
  files: FileTree;
  reply: string;
  expected?: FileChanges;
  /** The size of the edited file, for the timing buckets. */
  lines: number;
}

/** A family of cases with the outcome every one of them must have. */
export interface CaseClass {
  name: string;
  expect: "apply" | "reject";
  make(random: Random, file: SourceFile, pool: readonly SourceFile[]): CaseBody | undefined;
}

/** Drift applied to a block's lines. */
export interface Drift {
  /** Applied to context lines, in SEARCH and REPLACE alike (the model copies them once). */
  context?: (line: string, index: number) => string;
  /** Applied to the lines the edit removes, as SEARCH quotes them. */
  old?: (line: string) => string;
  /** Applied to the model's new lines. */
  fresh?: (line: string) => string;
}

/** Block parts with drift applied; each context line is drifted once, so SEARCH and REPLACE agree. */
export function drifted(parts: BlockParts, drift: Drift): BlockParts {
  const context = drift.context ?? ((l: string) => l);
  let i = 0;
  return {
    before: parts.before.map((l) => context(l, i++)),
    old: parts.old.map(drift.old ?? ((l) => l)),
    fresh: parts.fresh.map(drift.fresh ?? ((l) => l)),
    after: parts.after.map((l) => context(l, i++)),
  };
}

/** The file tree holding one file. */
export function tree(file: SourceFile, lines: readonly string[] = file.lines): FileTree {
  return { [file.name]: textOf(file, lines) };
}

/** One block for one true edit, with optional drift and a check on the region. */
export function singleEdit(
  random: Random,
  file: SourceFile,
  options: { drift?: Drift | ((parts: BlockParts) => Drift | undefined); region?: RegionOptions; accept?: (parts: BlockParts, region: EditRegion) => boolean } = {},
): CaseBody | undefined {
  const region = makeRegion(random, file.lines, options.region);
  if (!region) return undefined;
  const exact = partsOf(file.lines, region);
  if (options.accept && !options.accept(exact, region)) return undefined;
  const drift = typeof options.drift === "function" ? options.drift(exact) : options.drift;
  if (drift === undefined && typeof options.drift === "function") return undefined;
  const { search, replace } = searchAndReplace(drift ? drifted(exact, drift) : exact);
  const reply = renderReply([{ path: file.name, search, replace }], randomStyle(random));
  return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
}

/** Several non-overlapping true edits in one file. */
export function regions(random: Random, file: SourceFile, count: number): EditRegion[] | undefined {
  const found: EditRegion[] = [];
  for (let i = 0; i < count; i++) {
    const region = makeRegion(random, file.lines, { avoid: (from, to) => found.some((r) => from <= r.to && r.from <= to) });
    if (!region) return undefined;
    found.push(region);
  }
  return found.sort((a, b) => a.from - b.from);
}

/** A copy of a file with some properties changed. */
export const withFile = (file: SourceFile, change: Partial<SourceFile>): SourceFile => ({ ...file, ...change });
/** How many lines are not blank. */
export const nonBlank = (lines: readonly string[]): number => lines.filter((l) => l.trim() !== "").length;

/** A case from edited block parts: one block in a random style, the truth spliced from the region's edit. */
export function caseFromParts(random: Random, file: SourceFile, region: EditRegion, parts: BlockParts): CaseBody {
  const { search, replace } = searchAndReplace(parts);
  const reply = renderReply([{ path: file.name, search, replace }], randomStyle(random));
  return { files: tree(file), reply, expected: tree(file, applyTrueEdits(file.lines, [region.edit])), lines: file.lines.length };
}
