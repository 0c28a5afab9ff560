import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { ForkliftError } from "../../shared/errors.ts";
import { gitText, runGit } from "../search/repo/run-git.ts";
import { isClean } from "../search/repo/working-tree-changes.ts";

/**
 * Commits a patch on a new branch of the user's repository, based on `baseCommit`, with git
 * plumbing only: a temporary index takes the base tree, `git apply --cached --check` proves the
 * patch applies before anything is written, then write-tree, commit-tree and a new ref. The
 * user's HEAD, index and working tree are never touched. Refuses a dirty working tree (so the
 * user's work is never mixed up with the migration) and an existing branch.
 */
export async function applyToBranch(input: { repoPath: string; baseCommit: string; patch: string; branch: string; message: string }): Promise<{ branch: string; commit: string }> {
  const { repoPath, baseCommit, patch, branch, message } = input;
  if (!(await isClean(repoPath))) {
    throw new ForkliftError("repo-dirty", `${repoPath} has uncommitted changes: commit or stash them first (apply never touches your working tree, but refuses to run beside unsaved work)`);
  }
  await gitText(repoPath, ["check-ref-format", "--branch", branch]).catch(() => {
    throw new ForkliftError("invalid-input", `"${branch}" is not a valid branch name`);
  });
  const exists = await gitText(repoPath, ["rev-parse", "--verify", "--quiet", `refs/heads/${branch}`]).then(
    () => true,
    () => false,
  );
  if (exists) throw new ForkliftError("invalid-input", `branch ${branch} already exists in ${repoPath}: delete it or choose another name (--branch)`);
  await refuseBranchPathClash(repoPath, branch);
  if (patch === "") throw new ForkliftError("invalid-input", "this node changes nothing: there is nothing to apply");
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-apply-"));
  const env = { GIT_INDEX_FILE: path.join(dir, "index") };
  try {
    await runGit(repoPath, ["read-tree", baseCommit], { env });
    await runGit(repoPath, ["apply", "--cached", "--check", "-"], { env, input: patch }).catch((error: unknown) => {
      throw new ForkliftError("patch-mismatch", `the patch does not apply to ${baseCommit.slice(0, 10)}: ${error instanceof Error ? error.message : String(error)}`);
    });
    await runGit(repoPath, ["apply", "--cached", "-"], { env, input: patch });
    const tree = await gitText(repoPath, ["write-tree"], { env });
    const identity = await authorEnv(repoPath);
    const commit = await gitText(repoPath, ["commit-tree", tree, "-p", baseCommit, "-F", "-"], { env: identity, input: message });
    await runGit(repoPath, ["update-ref", `refs/heads/${branch}`, commit, ""]);
    return { branch, commit };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Git stores branches as paths: `forklift` and `forklift/abc` cannot both exist. Refuses a name
 * that is a folder of existing branches, or under an existing branch, before anything is written.
 */
async function refuseBranchPathClash(repoPath: string, branch: string): Promise<void> {
  const branches = (await gitText(repoPath, ["for-each-ref", "--format=%(refname:short)", "refs/heads/"])).split("\n").filter(Boolean);
  const under = branches.find((name) => name.startsWith(`${branch}/`));
  const above = branches.find((name) => branch.startsWith(`${name}/`));
  const clash = under ?? above;
  if (clash === undefined) return;
  const why = under !== undefined ? `branch ${clash} exists, and git cannot have both ${branch} and ${branch}/…` : `branch ${clash} exists, and git cannot have both ${clash} and ${clash}/…`;
  throw new ForkliftError("invalid-input", `cannot create branch ${branch} in ${repoPath}: ${why}; choose another name (--branch)`);
}

/** The user's git identity, or Forklift's when none is configured (commit-tree refuses to run without one). */
async function authorEnv(repoPath: string): Promise<Record<string, string>> {
  const name = await gitText(repoPath, ["config", "user.name"]).catch(() => "");
  const email = await gitText(repoPath, ["config", "user.email"]).catch(() => "");
  const env: Record<string, string> = {};
  if (!name) Object.assign(env, { GIT_AUTHOR_NAME: "Forklift", GIT_COMMITTER_NAME: "Forklift" });
  if (!email) Object.assign(env, { GIT_AUTHOR_EMAIL: "forklift@localhost", GIT_COMMITTER_EMAIL: "forklift@localhost" });
  return env;
}
