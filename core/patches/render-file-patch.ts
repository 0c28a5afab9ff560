import { encodeBinaryLiteral } from "./binary-literal.ts";
import { buildHunks } from "./build-hunks.ts";
import { gitBlobId, nullBlobId } from "./git-blob-id.ts";
import type { GitFileMode } from "./git-file.ts";
import type { Hunk } from "./patch-types.ts";
import { quotePath } from "./quote-path.ts";
import { splitLines } from "./split-lines.ts";

/** One side of a file diff: its mode, bytes, and its text when it is text (undefined: binary). */
export interface DiffSide {
  mode: GitFileMode;
  bytes: Uint8Array;
  text: string | undefined;
}

/** One file's before and after, as {@link renderFilePatch} takes it; a missing side is undefined. */
export interface FileDiff {
  oldPath: string | undefined;
  newPath: string | undefined;
  old: DiffSide | undefined;
  new: DiffSide | undefined;
  similarity?: number;
}

const empty: DiffSide = { mode: "100644", bytes: new Uint8Array(0), text: "" };

/**
 * Writes one file's part of a git patch: `diff --git` header, extended headers (modes, rename),
 * then hunks of text, or a binary literal of the exact bytes when either side is not text.
 */
export function renderFilePatch(diff: FileDiff, context: number): string {
  const oldPath = diff.oldPath ?? diff.newPath!;
  const newPath = diff.newPath ?? diff.oldPath!;
  const out = [`diff --git ${quotePath(`a/${oldPath}`)} ${quotePath(`b/${newPath}`)}`];
  const bothExist = diff.old !== undefined && diff.new !== undefined;
  if (diff.old && diff.new && diff.old.mode !== diff.new.mode) out.push(`old mode ${diff.old.mode}`, `new mode ${diff.new.mode}`);
  if (diff.old === undefined) out.push(`new file mode ${diff.new!.mode}`);
  if (diff.new === undefined) out.push(`deleted file mode ${diff.old!.mode}`);
  if (diff.similarity !== undefined) {
    out.push(`similarity index ${diff.similarity}%`, `rename from ${quotePath(oldPath)}`, `rename to ${quotePath(newPath)}`);
  }
  const before = diff.old ?? empty;
  const after = diff.new ?? empty;
  if (bothExist && Buffer.compare(before.bytes, after.bytes) === 0) return `${out.join("\n")}\n`; // a rename or a mode change only
  const oldId = diff.old === undefined ? nullBlobId : gitBlobId(before.bytes);
  const newId = diff.new === undefined ? nullBlobId : gitBlobId(after.bytes);
  out.push(`index ${oldId}..${newId}${bothExist && before.mode === after.mode ? ` ${before.mode}` : ""}`);
  if (before.text === undefined || after.text === undefined) {
    // git needs the full index line above to apply a binary patch; the reverse literal follows the forward one.
    out.push("GIT binary patch", encodeBinaryLiteral(after.bytes), "", encodeBinaryLiteral(before.bytes), "");
    return `${out.join("\n")}\n`;
  }
  const hunks = buildHunks(splitLines(before.text), splitLines(after.text), context);
  if (hunks.length === 0) return `${out.join("\n")}\n`;
  out.push(`--- ${diff.old === undefined ? "/dev/null" : fileName(`a/${oldPath}`)}`);
  out.push(`+++ ${diff.new === undefined ? "/dev/null" : fileName(`b/${newPath}`)}`);
  return `${out.join("\n")}\n${hunks.map(renderHunk).join("")}`;
}

/** A `---`/`+++` name: quoted if needed, else followed by a tab when it holds a space (so readers find its end), as git does. */
function fileName(name: string): string {
  const quoted = quotePath(name);
  return quoted === name && name.includes(" ") ? `${name}\t` : quoted;
}

function renderHunk(hunk: Hunk): string {
  const range = (start: number, count: number): string => (count === 1 ? `${start}` : `${start},${count}`);
  let text = `@@ -${range(hunk.oldStart, hunk.oldCount)} +${range(hunk.newStart, hunk.newCount)} @@\n`;
  for (const line of hunk.lines) {
    const prefix = line.kind === "context" ? " " : line.kind === "remove" ? "-" : "+";
    text += line.text.endsWith("\n") ? `${prefix}${line.text}` : `${prefix}${line.text}\n\\ No newline at end of file\n`;
  }
  return text;
}
