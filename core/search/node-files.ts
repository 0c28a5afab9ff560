import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import { getAccumulatedChanges } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import type { FileLookup } from "../generators/index.ts";
import { languageForPath } from "../targets/index.ts";
import type { RepoSnapshot } from "./repo/repo-snapshot.ts";

/** Reads a node's files: its accumulated changes over the root commit. */
export function nodeFileLookup(store: Store, snapshot: RepoSnapshot, nodeId: string): FileLookup {
  const changes = getAccumulatedChanges(store, nodeId);
  return async (path) => {
    if (Object.hasOwn(changes, path)) return changes[path] ?? undefined;
    return snapshot.read(path);
  };
}

/** A node's source files (those target rules parse), for counting and finding sites. */
export async function nodeSourceFiles(store: Store, snapshot: RepoSnapshot, nodeId: string): Promise<FileTree> {
  const files: FileTree = { ...(await snapshot.sourceFiles()) };
  for (const [path, content] of Object.entries(getAccumulatedChanges(store, nodeId))) {
    if (content === null) delete files[path];
    else if (languageForPath(path) !== undefined) files[path] = content;
  }
  return files;
}

/** What takes `ancestorId`'s state to `nodeId`'s (the node must descend from the ancestor). */
export function changesSince(store: Store, ancestorId: string, nodeId: string): FileChanges {
  const before = getAccumulatedChanges(store, ancestorId);
  const after = getAccumulatedChanges(store, nodeId);
  const changes: FileChanges = {};
  for (const [path, content] of Object.entries(after)) if (before[path] !== content) changes[path] = content;
  return changes;
}
