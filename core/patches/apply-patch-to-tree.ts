import { ForkliftError } from "../../shared/errors.ts";
import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import { checkPatchPath } from "./check-patch-path.ts";
import { parsePatch } from "./parse-patch.ts";
import type { FilePatch, Hunk, ParsedPatch } from "./patch-types.ts";
import { splitLines } from "./split-lines.ts";

/**
 * Applies a patch to base files and returns what it changes. Like `git apply` without fuzz: each
 * hunk's context and removed lines must match exactly, at its stated line or the nearest other
 * place after the previous hunk; anything else is refused with a `patch-mismatch` error that
 * names the file, the hunk and the first line that differs.
 */
export function applyPatchToTree(base: FileTree, patch: string | ParsedPatch): FileChanges {
  const parsed = typeof patch === "string" ? parsePatch(patch) : patch;
  const changes: FileChanges = {};
  const current = (path: string): string | undefined => (path in changes ? (changes[path] ?? undefined) : base[path]);
  for (const file of parsed.files) {
    const oldPath = file.oldPath === undefined ? undefined : checkPatchPath(file.oldPath);
    const newPath = file.newPath === undefined ? undefined : checkPatchPath(file.newPath);
    const before = oldPath === undefined ? undefined : current(oldPath);
    if (oldPath !== undefined && before === undefined) mismatch(`${oldPath} does not exist`);
    if (newPath !== undefined && newPath !== oldPath && current(newPath) !== undefined) mismatch(`${newPath} already exists`);
    const after = newContent(file, before ?? "", oldPath ?? newPath!);
    if (file.status === "deleted" && after !== "") mismatch(`${oldPath} has content the patch does not delete`);
    if (oldPath !== undefined && oldPath !== newPath) changes[oldPath] = null;
    if (newPath !== undefined) changes[newPath] = after;
  }
  for (const [path, content] of Object.entries(changes)) {
    if ((content ?? undefined) === base[path]) delete changes[path];
  }
  return changes;
}

function newContent(file: FilePatch, before: string, path: string): string {
  if (file.binary) return Buffer.from(file.binary.content).toString("utf8");
  let lines = splitLines(before);
  let floor = 0;
  let shift = 0;
  file.hunks.forEach((hunk, index) => {
    const at = locate(hunk, lines, floor, shift, path, index);
    const replacement = hunk.lines.filter((line) => line.kind !== "remove").map((line) => line.text);
    const oldLength = hunk.lines.filter((line) => line.kind !== "add").length;
    lines = [...lines.slice(0, at), ...replacement, ...lines.slice(at + oldLength)];
    floor = at + replacement.length;
    shift += replacement.length - oldLength;
  });
  return lines.join("");
}

/** Where the hunk's old lines start in `lines`: its own position if they match there, else the nearest match at or after `floor`. */
function locate(hunk: Hunk, lines: readonly string[], floor: number, shift: number, path: string, index: number): number {
  const expected = hunk.lines.filter((line) => line.kind !== "add").map((line) => line.text);
  const stated = (hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1) + shift;
  const matchesAt = (at: number): boolean => at >= floor && at + expected.length <= lines.length && expected.every((text, k) => lines[at + k] === text);
  for (let distance = 0; distance <= lines.length; distance++) {
    if (matchesAt(stated - distance)) return stated - distance;
    if (distance > 0 && matchesAt(stated + distance)) return stated + distance;
  }
  const header = `@@ -${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount} @@`;
  const start = Math.max(floor, Math.min(stated, lines.length));
  const differs = Math.max(0, expected.findIndex((text, k) => lines[start + k] !== text));
  const found = lines[start + differs];
  const detail =
    found === undefined
      ? `line ${start + differs + 1} should be ${show(expected[differs]!)} but the file ends`
      : `line ${start + differs + 1} should be ${show(expected[differs]!)} but is ${show(found)}`;
  mismatch(`${path}: hunk ${index + 1} (${header}) does not match: ${detail}`);
}

function mismatch(message: string): never {
  throw new ForkliftError("patch-mismatch", `patch does not apply: ${message}`);
}

function show(line: string): string {
  const text = JSON.stringify(line);
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}
