import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runGit } from "./run-git.ts";

/** A temporary checkout of one commit; `remove()` deletes it. */
export interface TempCheckout {
  readonly dir: string;
  remove(): Promise<void>;
}

/**
 * Checks out `commit` of `repoPath` into a new temporary directory (a `--shared` clone: git's
 * objects are borrowed, not copied), so a sandbox can be built from exactly that commit whatever
 * the user's working tree holds now. The user's repository is only read.
 */
export async function cloneAtCommit(repoPath: string, commit: string): Promise<TempCheckout> {
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-root-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await runGit(path.dirname(dir), ["clone", "-q", "--shared", "--no-checkout", path.resolve(repoPath), dir]);
    await runGit(dir, ["-c", "advice.detachedHead=false", "checkout", "-q", "--detach", commit]);
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
