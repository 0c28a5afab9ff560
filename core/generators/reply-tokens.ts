/**
 * A measurement for the benchmark: for the same change, how many output tokens a model spends
 * replying with SEARCH/REPLACE blocks versus rewriting every changed file whole. Output tokens
 * are the slow and expensive ones, so this ratio is most of the case for edit blocks.
 */
import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import { createPatchFromChanges, parsePatch } from "../patches/index.ts";

/** Counts the tokens of a text. */
export type TokenCounter = (text: string) => number;

/**
 * chars/4 rounded up: OpenAI's published rule of thumb for English. Code tokenizes a little
 * denser (about 3–3.5 chars a token with o200k), so absolute counts run low, but both replies
 * are mostly code, so the ratio between them holds. Pass a real tokenizer for exact counts.
 */
export const approximateTokenCount: TokenCounter = (text) => Math.ceil(text.length / 4);

/** The two replies' sizes for one change. */
export interface ReplyTokenComparison {
  editBlockTokens: number;
  wholeFileTokens: number;
  /** `editBlockTokens / wholeFileTokens` (0 when nothing changed). */
  ratio: number;
  /** The edit-block reply that was measured (the given one, or the one written from the change). */
  editReply: string;
  wholeFileReply: string;
}

/** Options for {@link compareReplyTokens}. */
export interface CompareReplyOptions {
  /** The model's actual edit-block reply; when absent, minimal blocks are written from the change. */
  editReply?: string;
  /** Unchanged lines around each change in written blocks (default 2, enough for most SEARCH to be unique). */
  contextLines?: number;
  count?: TokenCounter;
}

/**
 * Compares, for `changes` made to `before`, the tokens of an edit-block reply with those of a
 * reply that rewrites each changed file whole (path line plus a fenced file). Deleted files are
 * left out of both: neither format expresses a deletion in its own terms.
 */
export function compareReplyTokens(before: FileTree, changes: FileChanges, options: CompareReplyOptions = {}): ReplyTokenComparison {
  const count = options.count ?? approximateTokenCount;
  const editReply = options.editReply ?? editBlocksForChanges(before, changes, options.contextLines ?? 2);
  const wholeFileReply = wholeFileReplyFor(changes);
  const editBlockTokens = count(editReply);
  const wholeFileTokens = count(wholeFileReply);
  return { editBlockTokens, wholeFileTokens, ratio: wholeFileTokens === 0 ? 0 : editBlockTokens / wholeFileTokens, editReply, wholeFileReply };
}

/** Writes the SEARCH/REPLACE blocks a model would send for `changes`: one per diff hunk. */
export function editBlocksForChanges(before: FileTree, changes: FileChanges, contextLines = 2): string {
  const kept: FileChanges = {};
  for (const [path, content] of Object.entries(changes)) if (content !== null) kept[path] = content;
  const patch = createPatchFromChanges(before, kept, { context: contextLines, renames: false });
  const blocks: string[] = [];
  for (const file of parsePatch(patch).files) {
    const path = file.newPath ?? file.oldPath;
    if (path === undefined) continue;
    for (const hunk of file.hunks) {
      const search = hunk.lines.filter((l) => l.kind !== "add").map((l) => stripEol(l.text));
      const replace = hunk.lines.filter((l) => l.kind !== "remove").map((l) => stripEol(l.text));
      blocks.push([path, "<<<<<<< SEARCH", ...search, "=======", ...replace, ">>>>>>> REPLACE"].join("\n"));
    }
  }
  return blocks.join("\n\n");
}

/** The reply that rewrites every changed file whole: its path, then its content in a fence. */
export function wholeFileReplyFor(changes: FileChanges): string {
  return Object.entries(changes)
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([path, content]) => `${path}\n\`\`\`\n${content.endsWith("\n") ? content : `${content}\n`}\`\`\``)
    .join("\n\n");
}

function stripEol(text: string): string {
  return text.replace(/\r?\n$/, "");
}
