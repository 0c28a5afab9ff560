import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FileChanges } from "../../../shared/file-changes.ts";
import { runGit } from "./run-git.ts";

/**
 * The uncommitted work of a working tree relative to HEAD (modified, added, untracked-not-ignored
 * files → content; deleted → null), as git status sees it. Empty for a clean tree.
 */
export async function workingTreeChanges(repoPath: string): Promise<FileChanges> {
  const out = (await runGit(repoPath, ["status", "--porcelain=v1", "-z", "--untracked-files=all"])).toString("utf8");
  const entries = out.split("\0");
  const changes: FileChanges = {};
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    const file = entry.slice(3);
    if (status.startsWith("R") || status.startsWith("C")) {
      const from = entries[++i];
      if (from && status.startsWith("R")) changes[from] = null;
    }
    const content = await readFile(path.join(repoPath, file), "utf8").catch(() => undefined);
    changes[file] = content ?? null;
  }
  return changes;
}

/** True when the working tree has no uncommitted or untracked (not ignored) work. */
export async function isClean(repoPath: string): Promise<boolean> {
  return (await runGit(repoPath, ["status", "--porcelain=v1", "--untracked-files=normal"])).length === 0;
}
