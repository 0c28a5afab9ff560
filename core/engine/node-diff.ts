import type { FileDiff } from "../../shared/protocol/contract.ts";
import { ForkliftError } from "../../shared/errors.ts";
import { createPatch, textOf } from "../patches/index.ts";
import type { GitFile, PatchTree } from "../patches/index.ts";
import { getAccumulatedFiles, getChangesetFiles, getNode } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import type { RepoSnapshot } from "../search/repo/repo-snapshot.ts";

/** Files side by side and a git-format patch. */
export interface FileDiffs {
  files: FileDiff[];
  patch: string;
}

/** A file of some state as git has it (exact bytes and mode), or undefined where there is none. */
type GitFileLookup = (path: string) => Promise<GitFile | undefined>;

/**
 * A node's changes against its parent or the root commit: files side by side and a git-format
 * patch of the exact bytes and modes (binary files as GIT binary patches, symlinks as links), with
 * every stored content checked against its hash first.
 */
export async function nodeDiff(store: Store, snapshot: RepoSnapshot, nodeId: string, against: "parent" | "root", header?: string): Promise<FileDiffs> {
  const node = getNode(store, nodeId);
  if (!node) throw new ForkliftError("not-found", `no node ${nodeId} in the store`);
  const changed = against === "parent" ? getChangesetFiles(store, nodeId) : getAccumulatedFiles(store, nodeId);
  const readBefore = against === "parent" && node.parentId !== undefined ? nodeFiles(store, snapshot, node.parentId) : (path: string) => snapshot.readFile(path);
  return diffLookups(Object.keys(changed), readBefore, async (path) => changed[path] ?? undefined, header);
}

/** What differs between two nodes of one session (left → right), whatever their places in the tree. */
export async function compareNodes(store: Store, snapshot: RepoSnapshot, leftId: string, rightId: string): Promise<FileDiffs> {
  const paths = new Set([...Object.keys(getAccumulatedFiles(store, leftId)), ...Object.keys(getAccumulatedFiles(store, rightId))]);
  return diffLookups([...paths], nodeFiles(store, snapshot, leftId), nodeFiles(store, snapshot, rightId));
}

/** A node's files: its accumulated changes over the root commit. */
function nodeFiles(store: Store, snapshot: RepoSnapshot, nodeId: string): GitFileLookup {
  const changes = getAccumulatedFiles(store, nodeId);
  return async (path) => (Object.hasOwn(changes, path) ? (changes[path] ?? undefined) : snapshot.readFile(path));
}

/** Diffs the given paths between two file states; paths equal on both sides are left out. */
async function diffLookups(paths: readonly string[], readBefore: GitFileLookup, readAfter: GitFileLookup, header?: string): Promise<FileDiffs> {
  const before: PatchTree = {};
  const after: PatchTree = {};
  const files: FileDiff[] = [];
  for (const path of [...paths].sort()) {
    const old = await readBefore(path);
    const next = await readAfter(path);
    if (same(old, next)) continue;
    if (old !== undefined) before[path] = old;
    if (next !== undefined) after[path] = next;
    files.push({ path, before: old === undefined ? null : shown(old), after: next === undefined ? null : shown(next) });
  }
  return { files, patch: createPatch(before, after, header === undefined ? {} : { header }) };
}

function same(a: GitFile | undefined, b: GitFile | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.mode === b.mode && Buffer.compare(a.content, b.content) === 0;
}

/** A file as a side-by-side view shows it: its text, or a line saying what it is (a symlink, binary content). */
function shown(file: GitFile): string {
  if (file.mode === "120000") return `symlink to ${Buffer.from(file.content).toString("utf8")}`;
  return textOf(file) ?? `binary file, ${file.content.length} bytes`;
}
