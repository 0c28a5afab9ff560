import { createHash } from "node:crypto";

/**
 * The hash that names a changeset: sha256 over its (path, content hash or "-" for a deletion)
 * pairs sorted by path. Two nodes with the same changes relative to the same parent share it.
 */
export function changesetHash(entries: Iterable<readonly [path: string, blobHash: string | undefined]>): string {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash("sha256");
  for (const [path, blobHash] of sorted) hash.update(`${path}\0${blobHash ?? "-"}\n`);
  return hash.digest("hex");
}
