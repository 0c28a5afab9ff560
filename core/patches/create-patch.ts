import { ForkliftError } from "../../shared/errors.ts";
import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import { checkPatchPath } from "./check-patch-path.ts";
import { detectRenames } from "./detect-renames.ts";
import { renderFilePatch } from "./render-file-patch.ts";
import type { FileDiff } from "./render-file-patch.ts";

/** How {@link createPatch} writes a patch. */
export interface PatchOptions {
  /** Free text written before the first file (provenance); git apply ignores it. */
  header?: string;
  /** Lines of context around each change (default 3, as git). */
  context?: number;
  /** Pair deleted and added files into renames (default true). */
  renames?: boolean;
  /** Minimum similarity in percent for a rename (default 50, as git). */
  renameThreshold?: number;
}

/** A unified diff in git's format from one file state to another, which `git apply` accepts ("" when equal). */
export function createPatch(before: FileTree, after: FileTree, options: PatchOptions = {}): string {
  const deleted: string[] = [];
  const added: string[] = [];
  const diffs: FileDiff[] = [];
  for (const path of Object.keys(before).sort()) {
    checkPatchPath(path);
    const next = after[path];
    if (next === undefined) deleted.push(path);
    else if (next !== before[path]) diffs.push({ oldPath: path, newPath: path, oldContent: before[path], newContent: next });
  }
  for (const path of Object.keys(after).sort()) {
    if (before[path] === undefined) added.push(checkPatchPath(path));
  }
  const renames = options.renames === false ? [] : detectRenames(deleted, added, before, after, options.renameThreshold ?? 50);
  const renamedFrom = new Set(renames.map((pair) => pair.from));
  const renamedTo = new Set(renames.map((pair) => pair.to));
  for (const pair of renames) {
    diffs.push({ oldPath: pair.from, newPath: pair.to, oldContent: before[pair.from], newContent: after[pair.to], similarity: pair.similarity });
  }
  for (const path of deleted) {
    if (!renamedFrom.has(path)) diffs.push({ oldPath: path, newPath: undefined, oldContent: before[path], newContent: undefined });
  }
  for (const path of added) {
    if (!renamedTo.has(path)) diffs.push({ oldPath: undefined, newPath: path, oldContent: undefined, newContent: after[path] });
  }
  diffs.sort((x, y) => compare(x.newPath ?? x.oldPath!, y.newPath ?? y.oldPath!) || compare(x.oldPath ?? "", y.oldPath ?? ""));
  const body = diffs.map((diff) => renderFilePatch(diff, options.context ?? 3)).join("");
  if (body === "") return "";
  return renderHeader(options.header) + body;
}

/** {@link createPatch} from a base tree and the changes a hypothesis makes to it. */
export function createPatchFromChanges(before: FileTree, changes: FileChanges, options: PatchOptions = {}): string {
  const after: FileTree = { ...before };
  for (const [path, content] of Object.entries(changes)) {
    if (content !== null) after[path] = content;
    else if (path in before) delete after[path];
    else throw new ForkliftError("invalid-input", `cannot delete ${path}: it is not in the base files`);
  }
  return createPatch(before, after, options);
}

/**
 * The provenance text, ended by a blank line. A header line that git apply could take for the
 * start of a patch (`diff `, `--- `, `+++ `, `@@ `, `Index: `, `GIT binary patch`) is indented by a space.
 */
function renderHeader(header: string | undefined): string {
  if (header === undefined || header.trim() === "") return "";
  const lines = header.replace(/\r?\n$/, "").split(/\r?\n/);
  const safe = lines.map((line) => (/^(diff |--- |\+\+\+ |@@ |Index: |GIT binary patch|Binary files )/.test(line) ? ` ${line}` : line));
  return `${safe.join("\n")}\n\n`;
}

function compare(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
