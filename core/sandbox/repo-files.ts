/**
 * The files of a repository's working tree that a sandbox gets: tracked files and untracked files
 * that are not ignored (`git ls-files --cached --others --exclude-standard`), as they are on disk
 * now, uncommitted edits included. Tracked files deleted from disk and submodule directories are
 * skipped, and so are symlinks that lead out of the repository (absolute, or climbing above the
 * root): Docker refuses them, and inside a sandbox they could only name the sandbox's own files.
 * The repository is only read.
 */
import { execFile } from "node:child_process";
import { lstat, readlink, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { ForkliftError } from "../../shared/errors.ts";
import { linkStaysInside } from "../patches/index.ts";

const run = promisify(execFile);

/** One file to copy: POSIX path relative to the repository, and what lstat said. */
export interface RepoFile {
  readonly path: string;
  readonly absolutePath: string;
  readonly kind: "file" | "symlink";
  readonly mode: number;
  readonly size: number;
  readonly mtime: Date;
}

/** Checks that `repoPath` is an existing git working tree and returns its absolute path. */
export async function resolveRepository(repoPath: string): Promise<string> {
  const absolute = path.resolve(repoPath);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new ForkliftError("repo-missing", `repository path ${absolute} does not exist: check the path in the spec or on the command line`);
  if (!info.isDirectory()) throw new ForkliftError("repo-missing", `repository path ${absolute} is not a directory: name the repository's folder`);
  const inside = await run("git", ["-C", absolute, "rev-parse", "--is-inside-work-tree"]).then(
    (result) => result.stdout.trim() === "true",
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") throw new ForkliftError("repo-not-git", "git is not installed: install git (Debian: sudo apt-get install git)");
      return false;
    },
  );
  if (!inside) throw new ForkliftError("repo-not-git", `${absolute} is not a git repository: run \`git init\` and commit there, or name the repository's folder`);
  return absolute;
}

/** Lists the working-tree files of the repository at `root` (already checked by {@link resolveRepository}). */
export async function listRepoFiles(root: string): Promise<RepoFile[]> {
  const { stdout } = await run("git", ["-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    maxBuffer: 256 * 1024 * 1024,
    encoding: "buffer",
  });
  const names = [...new Set(stdout.toString("utf8").split("\0").filter(Boolean))].sort();
  const files: RepoFile[] = [];
  for (const name of names) {
    const absolutePath = path.join(root, name);
    const info = await lstat(absolutePath).catch(() => undefined);
    if (!info) continue; // tracked but deleted in the working tree
    if (info.isSymbolicLink() && !linkStaysInside(name, await readlink(absolutePath))) continue;
    if (info.isSymbolicLink() || info.isFile()) {
      files.push({ path: name, absolutePath, kind: info.isSymbolicLink() ? "symlink" : "file", mode: info.mode & 0o777, size: info.size, mtime: info.mtime });
    }
    // Anything else is a submodule (a gitlink directory) or a special file: not copied.
  }
  return files;
}
