import { encodeBinaryLiteral } from "./binary-literal.ts";
import { buildHunks } from "./build-hunks.ts";
import { gitBlobId, nullBlobId } from "./git-blob-id.ts";
import { isBinaryContent } from "./is-binary-content.ts";
import type { Hunk } from "./patch-types.ts";
import { quotePath } from "./quote-path.ts";
import { splitLines } from "./split-lines.ts";

/** One file's before and after, as {@link renderFilePatch} takes it; a missing side is undefined. */
export interface FileDiff {
  oldPath: string | undefined;
  newPath: string | undefined;
  oldContent: string | undefined;
  newContent: string | undefined;
  similarity?: number;
}

const mode = "100644";

/** Writes one file's part of a git patch: `diff --git` header, extended headers, then hunks or a binary literal. */
export function renderFilePatch(diff: FileDiff, context: number): string {
  const oldPath = diff.oldPath ?? diff.newPath!;
  const newPath = diff.newPath ?? diff.oldPath!;
  const out = [`diff --git ${quotePath(`a/${oldPath}`)} ${quotePath(`b/${newPath}`)}`];
  if (diff.oldContent === undefined) out.push(`new file mode ${mode}`);
  if (diff.newContent === undefined) out.push(`deleted file mode ${mode}`);
  if (diff.similarity !== undefined) {
    out.push(`similarity index ${diff.similarity}%`, `rename from ${quotePath(oldPath)}`, `rename to ${quotePath(newPath)}`);
  }
  const oldContent = diff.oldContent ?? "";
  const newContent = diff.newContent ?? "";
  if (oldContent === newContent && diff.similarity !== undefined) return `${out.join("\n")}\n`;
  const bothExist = diff.oldContent !== undefined && diff.newContent !== undefined;
  const oldId = diff.oldContent === undefined ? nullBlobId : gitBlobId(oldContent);
  const newId = diff.newContent === undefined ? nullBlobId : gitBlobId(newContent);
  out.push(`index ${oldId}..${newId}${bothExist ? ` ${mode}` : ""}`);
  if (isBinaryContent(oldContent) || isBinaryContent(newContent)) {
    // git needs the full index line above to apply a binary patch; the reverse literal follows the forward one.
    const literal = (content: string): string => encodeBinaryLiteral(Buffer.from(content, "utf8"));
    out.push("GIT binary patch", literal(newContent), "", literal(oldContent), "");
    return `${out.join("\n")}\n`;
  }
  const hunks = buildHunks(splitLines(oldContent), splitLines(newContent), context);
  if (hunks.length === 0) return `${out.join("\n")}\n`;
  out.push(`--- ${diff.oldContent === undefined ? "/dev/null" : fileName(`a/${oldPath}`)}`);
  out.push(`+++ ${diff.newContent === undefined ? "/dev/null" : fileName(`b/${newPath}`)}`);
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
