import type { FileDiff } from "../../shared/protocol/contract.ts";
import type { FileTree } from "../../shared/file-changes.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { FileLookup } from "../generators/index.ts";
import { createPatch } from "../patches/index.ts";
import { getAccumulatedChanges, getChangeset, getNode } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { nodeFileLookup } from "../search/node-files.ts";
import type { RepoSnapshot } from "../search/repo/repo-snapshot.ts";

/** Files side by side and a git-format patch. */
export interface FileDiffs {
  files: FileDiff[];
  patch: string;
}

/** A node's changes against its parent or the root commit: files side by side and a git-format patch. */
export async function nodeDiff(store: Store, snapshot: RepoSnapshot, nodeId: string, against: "parent" | "root", header?: string): Promise<FileDiffs> {
  const node = getNode(store, nodeId);
  if (!node) throw new ForkliftError("not-found", `no node ${nodeId} in the store`);
  const changed = against === "parent" ? getChangeset(store, nodeId) : getAccumulatedChanges(store, nodeId);
  const readBefore = against === "parent" && node.parentId !== undefined ? nodeFileLookup(store, snapshot, node.parentId) : (path: string) => snapshot.read(path);
  return diffLookups(Object.keys(changed), readBefore, async (path) => changed[path] ?? undefined, header);
}

/** What differs between two nodes of one session (left → right), whatever their places in the tree. */
export async function compareNodes(store: Store, snapshot: RepoSnapshot, leftId: string, rightId: string): Promise<FileDiffs> {
  const paths = new Set([...Object.keys(getAccumulatedChanges(store, leftId)), ...Object.keys(getAccumulatedChanges(store, rightId))]);
  return diffLookups([...paths], nodeFileLookup(store, snapshot, leftId), nodeFileLookup(store, snapshot, rightId));
}

/** Diffs the given paths between two file states; paths equal on both sides are left out. */
async function diffLookups(paths: readonly string[], readBefore: FileLookup, readAfter: FileLookup, header?: string): Promise<FileDiffs> {
  const before: FileTree = {};
  const after: FileTree = {};
  const files: FileDiff[] = [];
  for (const path of [...paths].sort()) {
    const old = await readBefore(path);
    const next = await readAfter(path);
    if (old === next) continue;
    if (old !== undefined) before[path] = old;
    if (next !== undefined) after[path] = next;
    files.push({ path, before: old ?? null, after: next ?? null });
  }
  return { files, patch: createPatch(before, after, header === undefined ? {} : { header }) };
}
