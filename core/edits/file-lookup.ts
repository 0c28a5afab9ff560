import type { FileTree } from "../../shared/file-changes.ts";
import { similarity } from "./similarity.ts";

/** The files edits apply to: a tree of contents, or a function returning a file's content (undefined if it does not exist). */
export type FileLookup = FileTree | ((path: string) => string | undefined);

/** A file's content, or undefined when it does not exist. Own keys only: `constructor` is not a file. */
export function readFile(files: FileLookup, path: string): string | undefined {
  if (typeof files === "function") return files(path);
  return Object.hasOwn(files, path) ? files[path] : undefined;
}

/** For a missing path, the existing one most likely meant (same file name, or a near spelling); tree lookups only. */
export function suggestPath(files: FileLookup, path: string): string | undefined {
  if (typeof files === "function") return undefined;
  const paths = Object.keys(files);
  if (paths.length > 10_000) return undefined;
  const name = path.split("/").pop();
  const sameName = paths.filter((p) => p.split("/").pop() === name);
  if (sameName.length === 1) return sameName[0];
  let best: string | undefined;
  let bestScore = 0.7;
  for (const candidate of paths) {
    const score = similarity(candidate, path);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
