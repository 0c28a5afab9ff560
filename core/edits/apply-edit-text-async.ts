import { applyWithLadder } from "./apply-edits.ts";
import type { ApplyResult } from "./apply-result.ts";
import type { FileTree } from "../../shared/file-changes.ts";
import { blockError } from "./format-failure.ts";
import { parseEditBlocks } from "./parse-edit-blocks.ts";
import { checkRepoPath } from "./repo-path-rules.ts";
import { strategyLadder } from "./strategies/strategy-ladder.ts";

/**
 * {@link applyEditText} for files behind an asynchronous lookup (a store, a container): reads
 * each file the reply names once (only paths that pass {@link checkRepoPath}), then applies.
 */
export async function applyEditTextAsync(read: (path: string) => Promise<string | undefined>, text: string): Promise<ApplyResult> {
  const parsed = parseEditBlocks(text);
  const parseErrors = parsed.errors.map((e) => blockError(e.block, undefined, { kind: "malformed", line: e.line, detail: e.message }));
  const tree: FileTree = Object.create(null) as FileTree;
  const seen = new Set<string>();
  for (const block of parsed.blocks) {
    const check = checkRepoPath(block.path);
    if (!check.ok || seen.has(check.path)) continue;
    seen.add(check.path);
    const content = await read(check.path);
    if (content !== undefined) tree[check.path] = content;
  }
  return applyWithLadder(tree, parsed.blocks, strategyLadder, parseErrors);
}
