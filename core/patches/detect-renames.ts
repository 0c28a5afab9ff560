import type { FileTree } from "../../shared/file-changes.ts";
import { sharedLength } from "./build-hunks.ts";
import { gitBlobId } from "./git-blob-id.ts";
import { isBinaryContent } from "./is-binary-content.ts";
import { splitLines } from "./split-lines.ts";

/** A deleted file paired with an added one whose content is identical or similar. */
export interface RenamePair {
  from: string;
  to: string;
  /** Percent of content kept, as in git's `similarity index`. */
  similarity: number;
}

/** Pairs beyond this many (deleted × added) skip inexact matching, like git's `diff.renameLimit`. */
const maxInexactPairs = 1000;

/**
 * Pairs deleted and added paths into renames: identical content first (any file but an empty
 * one), then, for text, the most similar pairs at or above `threshold` percent. Similarity is
 * the length of the lines both versions share over the larger size, close to git's measure.
 */
export function detectRenames(
  deleted: readonly string[],
  added: readonly string[],
  before: FileTree,
  after: FileTree,
  threshold: number,
): RenamePair[] {
  const pairs: RenamePair[] = [];
  const byId = new Map<string, string[]>();
  for (const path of deleted) {
    const content = before[path]!;
    if (content === "") continue;
    const id = gitBlobId(content);
    byId.set(id, [...(byId.get(id) ?? []), path]);
  }
  const usedFrom = new Set<string>();
  const unmatched: string[] = [];
  for (const path of added) {
    const content = after[path]!;
    const candidates = content === "" ? undefined : byId.get(gitBlobId(content));
    const from = candidates?.find((candidate) => !usedFrom.has(candidate));
    if (from === undefined) {
      unmatched.push(path);
      continue;
    }
    usedFrom.add(from);
    pairs.push({ from, to: path, similarity: 100 });
  }
  const remaining = deleted.filter((path) => !usedFrom.has(path) && isSimilarityCandidate(before[path]!));
  const targets = unmatched.filter((path) => isSimilarityCandidate(after[path]!));
  if (remaining.length * targets.length > maxInexactPairs) return pairs;
  const scored: RenamePair[] = [];
  for (const from of remaining) {
    const oldContent = before[from]!;
    for (const to of targets) {
      const newContent = after[to]!;
      const larger = Math.max(oldContent.length, newContent.length);
      if ((Math.min(oldContent.length, newContent.length) * 100) / larger < threshold) continue;
      const similarity = Math.floor((sharedLength(splitLines(oldContent), splitLines(newContent)) * 100) / larger);
      if (similarity >= threshold) scored.push({ from, to, similarity: Math.min(similarity, 99) });
    }
  }
  scored.sort((x, y) => y.similarity - x.similarity || x.to.localeCompare(y.to) || x.from.localeCompare(y.from));
  const usedTo = new Set<string>();
  for (const pair of scored) {
    if (usedFrom.has(pair.from) || usedTo.has(pair.to)) continue;
    usedFrom.add(pair.from);
    usedTo.add(pair.to);
    pairs.push(pair);
  }
  return pairs;
}

function isSimilarityCandidate(content: string): boolean {
  return content !== "" && !isBinaryContent(content);
}
