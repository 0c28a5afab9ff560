import { ForkliftError } from "../../shared/errors.ts";
import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import type { GitFile, GitFileChanges, GitFileMode } from "../patches/index.ts";
import { hashContent } from "./blobs.ts";
import type { Store } from "./open-store.ts";

/** A change as the store takes it: text (a regular file), a git file (bytes and mode: binary, executable, symlink), or null (deleted). */
export type StoredChange = string | GitFile | null;

/** A changeset as the store takes it: path → {@link StoredChange}. */
export type StoredChanges = Record<string, StoredChange>;

/** The `mode` column of a change: NULL for a regular file, else git's mode as a number. */
export function modeColumn(change: StoredChange): number | null {
  if (change === null || typeof change === "string" || change.mode === "100644") return null;
  return parseInt(change.mode, 8);
}

interface ChangeRow {
  path: string;
  blob_hash: string | null;
  mode: number | null;
  content: Buffer | null;
}

/**
 * A node's own changes relative to its parent, as text (path → content, null for a deletion).
 * A symlink is not text a generator or a checker may read: it shows as null here (see
 * {@link getChangesetFiles} for the whole truth).
 */
export function getChangeset(store: Store, nodeId: string): FileChanges {
  return toText(store, store.read(() => changesetRows(store, nodeId)));
}

/** A node's own changes as git files: the exact bytes and modes, each content checked against its hash. */
export function getChangesetFiles(store: Store, nodeId: string): GitFileChanges {
  return toFiles(store, store.read(() => changesetRows(store, nodeId)));
}

/**
 * A node's changes relative to the root commit, as text: for each path, the change of the deepest
 * node on the path from the root (root included) to this node that touched it. Symlinks show as null.
 */
export function getAccumulatedChanges(store: Store, nodeId: string): FileChanges {
  return toText(store, store.read(() => accumulatedRows(store, nodeId)));
}

/** {@link getAccumulatedChanges} as git files (exact bytes and modes, each content checked against its hash): what export and apply use. */
export function getAccumulatedFiles(store: Store, nodeId: string): GitFileChanges {
  return toFiles(store, store.read(() => accumulatedRows(store, nodeId)));
}

/**
 * A node's state as content hashes relative to the root commit (path → sha256 of its content, with
 * git's mode after it for an executable or a symlink, or null for a deletion): what
 * getAccumulatedChanges gives, without reading the contents. Two nodes with equal maps hold the
 * same files, whatever the order of the edits that led there.
 */
export function getAccumulatedHashes(store: Store, nodeId: string): Record<string, string | null> {
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
           SELECT c.path, c.blob_hash, c.mode, row_number() OVER (PARTITION BY c.path ORDER BY l.depth DESC) AS rank
           FROM changesets c JOIN lineage l ON c.node_id = l.id
         )
         SELECT path, blob_hash, mode FROM latest WHERE rank = 1 ORDER BY path`,
      )
      .all(nodeId) as { path: string; blob_hash: string | null; mode: number | null }[];
    return Object.fromEntries(rows.map((row) => [row.path, row.blob_hash === null || row.mode === null ? row.blob_hash : `${row.blob_hash} ${row.mode.toString(8)}`]));
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

function changesetRows(store: Store, nodeId: string): ChangeRow[] {
  requireNode(store, nodeId);
  return store
    .statement("SELECT c.path, c.blob_hash, c.mode, b.content FROM changesets c LEFT JOIN blobs b ON b.hash = c.blob_hash WHERE c.node_id = ? ORDER BY c.path")
    .all(nodeId) as ChangeRow[];
}

function accumulatedRows(store: Store, nodeId: string): ChangeRow[] {
  requireNode(store, nodeId);
  return store
    .statement(
      `WITH RECURSIVE lineage (id, parent_id, depth) AS (
         SELECT id, parent_id, depth FROM nodes WHERE id = ?
         UNION ALL
         SELECT n.id, n.parent_id, n.depth FROM nodes n JOIN lineage l ON n.id = l.parent_id
       ),
       latest AS (
         SELECT c.path, c.blob_hash, c.mode, row_number() OVER (PARTITION BY c.path ORDER BY l.depth DESC) AS rank
         FROM changesets c JOIN lineage l ON c.node_id = l.id
       )
       SELECT latest.path, latest.blob_hash, latest.mode, b.content
       FROM latest LEFT JOIN blobs b ON b.hash = latest.blob_hash
       WHERE latest.rank = 1 ORDER BY latest.path`,
    )
    .all(nodeId) as ChangeRow[];
}

function requireNode(store: Store, nodeId: string): void {
  if (store.statement("SELECT 1 FROM nodes WHERE id = ?").get(nodeId) === undefined) {
    throw new ForkliftError("not-found", `no node ${nodeId} in the store`);
  }
}

function missing(store: Store, row: ChangeRow): ForkliftError {
  return new ForkliftError("store-corrupt", `${store.path}: the content of ${row.path} (${row.blob_hash}) is missing: restore a backup of the store, or start a new session`);
}

function toText(store: Store, rows: ChangeRow[]): FileChanges {
  const changes: FileChanges = {};
  for (const row of rows) {
    if (row.blob_hash !== null && row.content === null) throw missing(store, row);
    changes[row.path] = row.content === null || row.mode === 0o120000 ? null : row.content.toString("utf8");
  }
  return changes;
}

function toFiles(store: Store, rows: ChangeRow[]): GitFileChanges {
  const changes: GitFileChanges = {};
  for (const row of rows) {
    if (row.blob_hash === null) {
      changes[row.path] = null;
      continue;
    }
    if (row.content === null) throw missing(store, row);
    // what leaves the store (a patch, a commit, a sandbox) must be what was put in
    if (hashContent(row.content) !== row.blob_hash) {
      throw new ForkliftError("store-corrupt", `${store.path}: the stored content of ${row.path} does not match its hash ${row.blob_hash.slice(0, 12)} (the store is damaged): restore a backup of the store, or start a new session`);
    }
    const mode: GitFileMode = row.mode === 0o100755 ? "100755" : row.mode === 0o120000 ? "120000" : "100644";
    changes[row.path] = { mode, content: row.content };
  }
  return changes;
}
