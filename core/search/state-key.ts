import { createHash } from "node:crypto";
import type { FileChanges } from "../../shared/file-changes.ts";
import { hashContent } from "../store/index.ts";

/** Content hashes of a state relative to the root commit (path → sha256, null = deleted), as the store keeps them. */
export type StateHashes = Readonly<Record<string, string | null>>;

/** The hashes of a child's state: its parent's with the child's own changes over them. */
export function childHashes(parent: StateHashes, changes: FileChanges): Record<string, string | null> {
  const hashes: Record<string, string | null> = { ...parent };
  for (const [path, content] of Object.entries(changes)) hashes[path] = content === null || content === undefined ? null : hashContent(content);
  return hashes;
}

/** One key per file state: equal for nodes that hold the same files, whatever order their edits came in. */
export function stateKey(hashes: StateHashes): string {
  const hash = createHash("sha256");
  for (const path of Object.keys(hashes).sort()) hash.update(`${path}\0${hashes[path] ?? "\u0001deleted"}\0`);
  return hash.digest("hex");
}
