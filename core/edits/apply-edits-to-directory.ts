import { readFile, rm, stat } from "node:fs/promises";
import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import { applyWithLadder } from "./apply-edits.ts";
import type { BlockMatch } from "./apply-result.ts";
import type { BlockError, BlockFailure } from "./block-error.ts";
import type { EditBlock } from "./edit-block.ts";
import { blockError } from "./format-failure.ts";
import { parseEditBlocks } from "./parse-edit-blocks.ts";
import { tryResolveRepoPath } from "./resolve-repo-path.ts";
import { writeFileAtomic } from "./write-file-atomic.ts";
import { strategyLadder } from "./strategies/strategy-ladder.ts";

/** Options of {@link applyEditsToDirectory}. */
export interface DirectoryApplyOptions {
  /** Place every block and compute the changes, but write nothing. */
  dryRun?: boolean;
  /** Files larger than this are refused (default 8 MiB). */
  maxFileBytes?: number;
}

/** What applying edits to a directory did: the changes (written unless dry-run) and the files' previous contents, or why nothing was written. */
export type DirectoryApplyResult =
  | { kind: "applied"; changes: FileChanges; matches: BlockMatch[]; originals: FileTree; written: string[] }
  | { kind: "failed"; errors: BlockError[]; message: string };

/**
 * Applies edit blocks (or a model's reply) to the files of a directory. Every path is resolved
 * inside the root through symlinks; every block is placed before anything is written; then each
 * changed file is replaced atomically (temporary file + rename). Files are read as UTF-8 text;
 * binary, non-UTF-8, oversized or non-regular files are refused.
 */
export async function applyEditsToDirectory(
  root: string,
  edits: string | readonly EditBlock[],
  options: DirectoryApplyOptions = {},
): Promise<DirectoryApplyResult> {
  const errors: BlockError[] = [];
  let blocks: readonly EditBlock[];
  if (typeof edits === "string") {
    const parsed = parseEditBlocks(edits);
    blocks = parsed.blocks;
    for (const e of parsed.errors) errors.push(blockError(e.block, undefined, { kind: "malformed", line: e.line, detail: e.message }));
  } else {
    blocks = edits;
  }
  const refusals = new Map<string, BlockFailure | undefined>();
  const byAbsolute = new Map<string, string>();
  const tree: FileTree = Object.create(null) as FileTree;
  const safeBlocks: EditBlock[] = [];
  for (const block of blocks) {
    if (!refusals.has(block.path)) refusals.set(block.path, await load(root, block.path, byAbsolute, tree, options));
    const refusal = refusals.get(block.path);
    if (refusal) errors.push(blockError(block.index, block.path, refusal));
    else safeBlocks.push(block);
  }
  const result = applyWithLadder(tree, safeBlocks, strategyLadder, errors);
  if (result.kind === "failed") return result;
  const originals: FileTree = Object.create(null) as FileTree;
  for (const path of Object.keys(result.changes)) if (Object.hasOwn(tree, path)) originals[path] = tree[path]!;
  const written: string[] = [];
  if (!options.dryRun) {
    for (const [path, content] of Object.entries(result.changes)) {
      // Resolved again just before writing, so a symlink swapped in since the check is still caught.
      const resolved = await tryResolveRepoPath(root, path);
      if (!resolved.ok) throw new Error(`path ${path} changed while edits were applied: ${resolved.reason}`);
      if (content === null) await rm(resolved.absolute, { force: true });
      else await writeFileAtomic(resolved.absolute, content);
      written.push(path);
    }
  }
  return { kind: "applied", changes: result.changes, matches: result.matches, originals, written };
}

/** Resolves a path and reads its file (if any) into `tree`; the failure when it is refused or unreadable. */
async function load(
  root: string,
  path: string,
  byAbsolute: Map<string, string>,
  tree: FileTree,
  options: DirectoryApplyOptions,
): Promise<BlockFailure | undefined> {
  const resolved = await tryResolveRepoPath(root, path);
  if (!resolved.ok) return { kind: "path-refused", reason: resolved.reason };
  const same = byAbsolute.get(resolved.absolute);
  if (same !== undefined && same !== resolved.path) {
    return { kind: "path-refused", reason: `it is the same file as \`${same}\` (through a symlink); use one path for it` };
  }
  byAbsolute.set(resolved.absolute, resolved.path);
  const content = await readText(resolved.absolute, options.maxFileBytes ?? 8 * 1024 * 1024);
  if (content.kind === "unreadable") return { kind: "unreadable", reason: content.reason };
  if (content.kind === "text") tree[resolved.path] = content.text;
  return undefined;
}

type ReadOutcome = { kind: "text"; text: string } | { kind: "missing" } | { kind: "unreadable"; reason: string };

async function readText(file: string, maxBytes: number): Promise<ReadOutcome> {
  let info;
  try {
    info = await stat(file);
  } catch {
    return { kind: "missing" };
  }
  if (!info.isFile()) return { kind: "unreadable", reason: "it is not a regular file" };
  if (info.size > maxBytes) return { kind: "unreadable", reason: `it is ${mebibytes(info.size)}, over the ${mebibytes(maxBytes)} limit for a file edits may change (generated or data files are not edited); leave it out` };
  const bytes = await readFile(file);
  if (bytes.includes(0)) return { kind: "unreadable", reason: "it looks binary (it contains NUL bytes)" };
  try {
    return { kind: "text", text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { kind: "unreadable", reason: "it is not UTF-8 text" };
  }
}

function mebibytes(bytes: number): string {
  const value = bytes / 1024 / 1024;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MiB`;
}
