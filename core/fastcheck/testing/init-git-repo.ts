/** Makes a generated project a git working tree (what a sandbox checkpoint copies from). */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * `git init` and one commit of everything but node_modules. node_modules stays untracked and not
 * ignored, so a checkpoint still copies it (the sandbox has no network to install it).
 */
export async function initGitRepo(dir: string): Promise<void> {
  const git = (...args: string[]) => run("git", ["-c", "user.name=Forklift Tests", "-c", "user.email=tests@forklift.invalid", "-c", "init.defaultBranch=main", ...args], { cwd: dir });
  await git("init", "-q");
  await git("add", "--", ".", ":(exclude)node_modules");
  await git("commit", "-q", "-m", "generated TypeScript project");
}
