import type { FileDiff } from "../../shared/protocol/contract.ts";
import type { FileTree } from "../../shared/file-changes.ts";
import { ForkliftError } from "../../shared/errors.ts";
import { createPatch } from "../patches/index.ts";
import { getAccumulatedChanges, getChangeset, getNode } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { nodeFileLookup } from "../search/node-files.ts";
import type { RepoSnapshot } from "../search/repo/repo-snapshot.ts";

/** A node's changes against its parent or the root commit: files side by side and a git-format patch. */
export async function nodeDiff(store: Store, snapshot: RepoSnapshot, nodeId: string, against: "parent" | "root", header?: string): Promise<{ files: FileDiff[]; patch: string }> {
  const node = getNode(store, nodeId);
  if (!node) throw new ForkliftError("not-found", `no node ${nodeId} in the store`);
  const changed = against === "parent" ? getChangeset(store, nodeId) : getAccumulatedChanges(store, nodeId);
  const readBefore = against === "parent" && node.parentId !== undefined ? nodeFileLookup(store, snapshot, node.parentId) : (path: string) => snapshot.read(path);
  const before: FileTree = {};
  const after: FileTree = {};
  const files: FileDiff[] = [];
  for (const path of Object.keys(changed).sort()) {
    const old = await readBefore(path);
    const next = changed[path] ?? undefined;
    if (old === next) continue;
    if (old !== undefined) before[path] = old;
    if (next !== undefined) after[path] = next;
    files.push({ path, before: old ?? null, after: next ?? null });
  }
  return { files, patch: createPatch(before, after, header === undefined ? {} : { header }) };
}
