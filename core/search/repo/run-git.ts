import { execFile } from "node:child_process";
import { ForkliftError } from "../../../shared/errors.ts";

/** Options of {@link runGit}. */
export interface RunGitOptions {
  /** Data for git's standard input. */
  input?: string | Buffer;
  /** Extra environment (e.g. GIT_INDEX_FILE); the process environment is kept. */
  env?: Record<string, string>;
}

/**
 * Runs `git -C dir …` and returns its standard output; a failure becomes a ForkliftError whose
 * one line names the git command and git's own last line. Every git call of the engine goes here.
 */
export function runGit(dir: string, args: readonly string[], options: RunGitOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      "git",
      ["-C", dir, ...args],
      { encoding: "buffer", maxBuffer: 512 * 1024 * 1024, env: { ...process.env, ...options.env } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === "ENOENT") {
          return reject(new ForkliftError("repo-not-git", "git is not installed: install git (Debian: sudo apt-get install git)"));
        }
        const last = stderr.toString("utf8").trim().split("\n").pop() ?? error.message;
        reject(new ForkliftError("internal", `git ${args[0] ?? ""} failed in ${dir}: ${last}`, { cause: error }));
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}

/** {@link runGit} with the output as trimmed text. */
export async function gitText(dir: string, args: readonly string[], options: RunGitOptions = {}): Promise<string> {
  return (await runGit(dir, args, options)).toString("utf8").trim();
}
