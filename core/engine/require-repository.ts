import { stat } from "node:fs/promises";
import { ForkliftError } from "../../shared/errors.ts";
import { gitText } from "../search/repo/run-git.ts";

/**
 * Refuses, in one line, a session whose repository is no longer where it was found (moved or
 * deleted) or no longer has the session's root commit: nothing can be rebuilt, diffed or applied
 * without them ("repo-missing", exit 2).
 */
export async function requireSessionRepository(repoPath: string, commit: string, sessionId: string): Promise<void> {
  const there = (await stat(repoPath).catch(() => undefined))?.isDirectory() === true;
  const found = there && (await gitText(repoPath, ["cat-file", "-e", `${commit}^{commit}`]).then(() => true, () => false));
  if (!found) {
    throw new ForkliftError(
      "repo-missing",
      `the repository of session ${sessionId.slice(0, 8)} (${repoPath}) ${there ? `no longer has its commit ${commit.slice(0, 10)}` : "is gone"}: restore it there, or start a new session`,
    );
  }
}
