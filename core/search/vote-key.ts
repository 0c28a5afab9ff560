import { createHash } from "node:crypto";
import type { FileChanges } from "../../shared/file-changes.ts";

/**
 * The key under which independent hypotheses vote for each other: their changes with line endings,
 * trailing whitespace and trailing blank lines normalized, paths sorted. Equal keys = the same edit.
 */
export function voteKey(changes: FileChanges): string {
  const hash = createHash("sha256");
  for (const path of Object.keys(changes).sort()) {
    const content = changes[path];
    hash.update(`${path}\0${content === null || content === undefined ? "\u0001deleted" : normalize(content)}\0`);
  }
  return hash.digest("hex");
}

function normalize(content: string): string {
  return content
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n+$/, "\n");
}
