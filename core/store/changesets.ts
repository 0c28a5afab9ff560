import { ForkliftError } from "../../shared/errors.ts";
import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import type { Store } from "./open-store.ts";

interface ChangeRow {
  path: string;
  blob_hash: string | null;
  content: Buffer | null;
}

/** A node's own changes relative to its parent (path → content, null for a deletion). */
export function getChangeset(store: Store, nodeId: string): FileChanges {
  return store.read(() => {
    requireNode(store, nodeId);
    const rows = store
      .statement("SELECT c.path, c.blob_hash, b.content FROM changesets c LEFT JOIN blobs b ON b.hash = c.blob_hash WHERE c.node_id = ? ORDER BY c.path")
      .all(nodeId) as ChangeRow[];
    return toChanges(store, rows);
  });
}

/**
 * A node's changes relative to the root commit: for each path, the change of the deepest node
 * on the path from the root (root included) to this node that touched it.
 */
export function getAccumulatedChanges(store: Store, nodeId: string): FileChanges {
  return store.read(() => {
    requireNode(store, nodeId);
    const rows = store
      .statement(
        `WITH RECURSIVE lineage (id, parent_id, depth) AS (
           SELECT id, parent_id, depth FROM nodes WHERE id = ?
           UNION ALL
           SELECT n.id, n.parent_id, n.depth FROM nodes n JOIN lineage l ON n.id = l.parent_id
         ),
         latest AS (
           SELECT c.path, c.blob_hash, row_number() OVER (PARTITION BY c.path ORDER BY l.depth DESC) AS rank
           FROM changesets c JOIN lineage l ON c.node_id = l.id
         )
         SELECT latest.path, latest.blob_hash, b.content
         FROM latest LEFT JOIN blobs b ON b.hash = latest.blob_hash
         WHERE latest.rank = 1 ORDER BY latest.path`,
      )
      .all(nodeId) as ChangeRow[];
    return toChanges(store, rows);
  });
}

/** The files of a node: the root commit's files (given by the caller, e.g. read from git) with the accumulated changes applied. */
export function materializeFiles(store: Store, nodeId: string, rootFiles: FileTree): FileTree {
  const files: FileTree = { ...rootFiles };
  for (const [path, content] of Object.entries(getAccumulatedChanges(store, nodeId))) {
    if (content === null) delete files[path];
    else files[path] = content;
  }
  return files;
}

function requireNode(store: Store, nodeId: string): void {
  if (store.statement("SELECT 1 FROM nodes WHERE id = ?").get(nodeId) === undefined) {
    throw new ForkliftError("not-found", `no node ${nodeId} in the store`);
  }
}

function toChanges(store: Store, rows: ChangeRow[]): FileChanges {
  const changes: FileChanges = {};
  for (const row of rows) {
    if (row.blob_hash !== null && row.content === null) {
      throw new ForkliftError("store-corrupt", `${store.path}: the content of ${row.path} (${row.blob_hash}) is missing`);
    }
    changes[row.path] = row.content === null ? null : row.content.toString("utf8");
  }
  return changes;
}
