import { ForkliftError } from "../../shared/errors.ts";
import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import { checkPatchPath } from "./check-patch-path.ts";
import { detectRenames } from "./detect-renames.ts";
import { textOf, toGitFile } from "./git-file.ts";
import type { PatchContent, PatchTree } from "./git-file.ts";
import { isBinaryContent } from "./is-binary-content.ts";
import { renderFilePatch } from "./render-file-patch.ts";
import type { DiffSide, FileDiff } from "./render-file-patch.ts";

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

/**
 * A unified diff in git's format from one file state to another, which `git apply` accepts ("" when
 * equal). Files are text (regular files) or git files (bytes and mode): binary content goes as a
 * `GIT binary patch` of the exact bytes, executables and symlinks keep their mode, and a file that
 * becomes a symlink (or back) is a deletion and an addition, as git writes it.
 */
export function createPatch(before: PatchTree, after: PatchTree, options: PatchOptions = {}): string {
  const deleted: string[] = [];
  const added: string[] = [];
  const diffs: FileDiff[] = [];
  const old = (path: string) => side(before[path]!);
  const next = (path: string) => side(after[path]!);
  for (const path of Object.keys(before).sort()) {
    checkPatchPath(path);
    if (after[path] === undefined) deleted.push(path);
    else if (!sameSide(old(path), next(path))) {
      if (isLink(old(path)) === isLink(next(path))) diffs.push({ oldPath: path, newPath: path, old: old(path), new: next(path) });
      else diffs.push({ oldPath: path, newPath: undefined, old: old(path), new: undefined }, { oldPath: undefined, newPath: path, old: undefined, new: next(path) });
    }
  }
  for (const path of Object.keys(after).sort()) {
    if (before[path] === undefined) added.push(checkPatchPath(path));
  }
  const renames = options.renames === false ? [] : findRenames(deleted, added, before, after, options.renameThreshold ?? 50);
  const renamedFrom = new Set(renames.map((pair) => pair.from));
  const renamedTo = new Set(renames.map((pair) => pair.to));
  for (const pair of renames) diffs.push({ oldPath: pair.from, newPath: pair.to, old: old(pair.from), new: next(pair.to), similarity: pair.similarity });
  for (const path of deleted) if (!renamedFrom.has(path)) diffs.push({ oldPath: path, newPath: undefined, old: old(path), new: undefined });
  for (const path of added) if (!renamedTo.has(path)) diffs.push({ oldPath: undefined, newPath: path, old: undefined, new: next(path) });
  // by path; a type change's deletion before its addition
  const deletionFirst = (diff: FileDiff) => (diff.new === undefined ? 0 : 1);
  diffs.sort((x, y) => compare(x.newPath ?? x.oldPath!, y.newPath ?? y.oldPath!) || deletionFirst(x) - deletionFirst(y) || compare(x.oldPath ?? "", y.oldPath ?? ""));
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

/** Renames among regular files of the same mode (text compared as text; binary ones only when identical). */
function findRenames(deleted: readonly string[], added: readonly string[], before: PatchTree, after: PatchTree, threshold: number) {
  const comparable = (content: PatchContent): string | undefined => {
    if (typeof content === "string") return content;
    if (content.mode === "120000") return undefined;
    return textOf(content) ?? `\0${Buffer.from(content.content).toString("latin1")}`; // NUL: renamed only when identical
  };
  const textBefore: FileTree = {};
  const textAfter: FileTree = {};
  for (const path of deleted) {
    const text = comparable(before[path]!);
    if (text !== undefined) textBefore[path] = text;
  }
  for (const path of added) {
    const text = comparable(after[path]!);
    if (text !== undefined) textAfter[path] = text;
  }
  const modeOf = (content: PatchContent) => toGitFile(content).mode;
  return detectRenames(Object.keys(textBefore), Object.keys(textAfter), textBefore, textAfter, threshold).filter(
    (pair) => modeOf(before[pair.from]!) === modeOf(after[pair.to]!),
  );
}

/** A patch side: text stays text unless it holds NUL (then binary, as git decides); git files are text when they decode. */
function side(content: PatchContent): DiffSide {
  if (typeof content === "string") return { mode: "100644", bytes: Buffer.from(content, "utf8"), text: isBinaryContent(content) ? undefined : content };
  return { mode: content.mode, bytes: content.content, text: textOf(content) };
}

function sameSide(a: DiffSide, b: DiffSide): boolean {
  return a.mode === b.mode && Buffer.compare(a.bytes, b.bytes) === 0;
}

function isLink(side: DiffSide): boolean {
  return side.mode === "120000";
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
