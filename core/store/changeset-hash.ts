import { createHash } from "node:crypto";

/**
 * The hash that names a changeset: sha256 over its (path, content hash or "-" for a deletion, and
 * the git mode when it is not a regular file's) entries sorted by path. Two nodes with the same
 * changes relative to the same parent share it.
 */
export function changesetHash(entries: Iterable<readonly [path: string, blobHash: string | undefined, mode?: number | null]>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash("sha256");
  for (const [path, blobHash, mode] of sorted) hash.update(`${path}\0${blobHash ?? "-"}${mode ? ` ${mode.toString(8)}` : ""}\n`);
  return hash.digest("hex");
}
