/**
 * Turns edit-block text (a model's reply, or blocks the user wrote) into file changes with
 * core/edits, classifying what went wrong in the generator's terms.
 */
import type { FileChanges } from "../../shared/file-changes.ts";
import { applyEditTextAsync } from "../edits/index.ts";
import type { FileLookup, InvalidReason } from "./generator.ts";

/** The outcome of applying edit text to the parent's files. */
export type EditReplyResult =
  | { kind: "applied"; changes: FileChanges }
  /** The text had no readable blocks, or a block was malformed (possibly cut off). */
  | { kind: "malformed"; reason: InvalidReason }
  /** The blocks were readable but did not apply (SEARCH not found, ambiguous, bad path…). */
  | { kind: "did-not-apply"; reason: InvalidReason }
  /** The blocks applied but changed nothing. */
  | { kind: "no-change"; reason: InvalidReason };

/** Parses and applies `text` to `files`, all or nothing; the failure message is core/edits' own, for the model. */
export async function applyEditReply(text: string, files: FileLookup): Promise<EditReplyResult> {
  const result = await applyEditTextAsync(files, text);
  if (result.kind === "failed") {
    const malformed = result.errors.some((e) => e.failure.kind === "malformed");
    return malformed
      ? { kind: "malformed", reason: { kind: "malformed-reply", message: result.message } }
      : { kind: "did-not-apply", reason: { kind: "edits-did-not-apply", message: result.message } };
  }
  if (result.matches.length === 0) {
    return {
      kind: "malformed",
      reason: {
        kind: "malformed-reply",
        message:
          "The reply contains no SEARCH/REPLACE block. Reply with blocks in the required format only: the file path on its own line, then <<<<<<< SEARCH, the exact current lines, =======, the new lines, >>>>>>> REPLACE.",
      },
    };
  }
  if (Object.keys(result.changes).length === 0) {
    return { kind: "no-change", reason: { kind: "no-change", message: "The blocks applied but change nothing: every REPLACE equals its SEARCH." } };
  }
  return { kind: "applied", changes: { ...result.changes } };
}

/** `changes` without the entries that leave a file as it is in `files` (same content, or deleting a missing file). */
export async function withoutUnchanged(changes: FileChanges, files: FileLookup): Promise<FileChanges> {
  const kept: FileChanges = {};
  for (const [path, content] of Object.entries(changes)) {
    if ((await files(path)) !== (content ?? undefined)) kept[path] = content;
  }
  return kept;
}
