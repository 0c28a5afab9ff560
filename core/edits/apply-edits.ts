import type { FileChanges } from "../../shared/file-changes.ts";
import type { ApplyResult, BlockMatch } from "./apply-result.ts";
import { applyToFile } from "./apply-to-file.ts";
import type { BlockError } from "./block-error.ts";
import type { EditBlock } from "./edit-block.ts";
import { readFile, suggestPath } from "./file-lookup.ts";
import type { FileLookup } from "./file-lookup.ts";
import { blockError, formatFailure } from "./format-failure.ts";
import { parseEditBlocks } from "./parse-edit-blocks.ts";
import { checkRepoPath } from "./repo-path-rules.ts";
import { exactOnlyLadder, strategyLadder } from "./strategies/strategy-ladder.ts";
import type { Strategy } from "./strategies/strategy.ts";

/**
 * Applies SEARCH/REPLACE blocks to files, all or nothing: each block must be placed at exactly
 * one place by the strictest strategy that finds it, and its path must be a safe relative path.
 * On success, the new content of every changed file; on failure, every block's error and one
 * message for the model.
 */
export function applyEdits(files: FileLookup, blocks: readonly EditBlock[]): ApplyResult {
  return applyWithLadder(files, blocks, strategyLadder);
}

/** The exact-and-unique baseline: like {@link applyEdits}, but SEARCH must occur byte for byte, once. */
export function applyEditsExactUnique(files: FileLookup, blocks: readonly EditBlock[]): ApplyResult {
  return applyWithLadder(files, blocks, exactOnlyLadder);
}

/** Parses a model's reply and applies its blocks; a malformed block fails the whole reply (it may be truncated). */
export function applyEditText(files: FileLookup, text: string, options: { baseline?: boolean } = {}): ApplyResult {
  const parsed = parseEditBlocks(text);
  const parseErrors = parsed.errors.map((e) => blockError(e.block, undefined, { kind: "malformed", line: e.line, detail: e.message }));
  const ladder = options.baseline ? exactOnlyLadder : strategyLadder;
  return applyWithLadder(files, parsed.blocks, ladder, parseErrors);
}

/** {@link applyEdits} with a chosen list of strategies and errors found before (e.g. by the parser). */
export function applyWithLadder(
  files: FileLookup,
  blocks: readonly EditBlock[],
  ladder: readonly Strategy[],
  earlierErrors: readonly BlockError[] = [],
): ApplyResult {
  const errors: BlockError[] = [...earlierErrors];
  const byPath = new Map<string, EditBlock[]>();
  for (const block of blocks) {
    const check = checkRepoPath(block.path);
    if (!check.ok) {
      errors.push(blockError(block.index, block.path, { kind: "path-refused", reason: check.reason }));
      continue;
    }
    const list = byPath.get(check.path);
    if (list) list.push(block);
    else byPath.set(check.path, [block]);
  }
  const changes: FileChanges = Object.create(null) as FileChanges;
  const matches: BlockMatch[] = [];
  for (const [path, pathBlocks] of byPath) {
    const original = readFile(files, path);
    const outcome = applyToFile(path, original, pathBlocks, ladder, () => suggestPath(files, path));
    errors.push(...outcome.errors);
    matches.push(...outcome.matches);
    if (outcome.content !== undefined && outcome.content !== original) changes[path] = outcome.content;
  }
  if (errors.length > 0) {
    errors.sort((a, b) => (a.block ?? 0) - (b.block ?? 0));
    // Block numbers count every block of the reply, so the highest one is the total.
    const total = Math.max(0, ...blocks.map((b) => b.index), ...errors.map((e) => e.block ?? 0));
    return { kind: "failed", errors, message: formatFailure(errors, total) };
  }
  matches.sort((a, b) => a.block - b.block);
  return { kind: "applied", changes, matches };
}
