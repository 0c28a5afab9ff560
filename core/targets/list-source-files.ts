import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { languageForPath } from "./languages.ts";

const run = promisify(execFile);

/** Which files {@link listSourceFiles} returns besides tracked ones. */
export interface ListFilesOptions {
  /** Scan everything under the root (node_modules and git-ignored files too); only `.git` is skipped. */
  includeIgnored?: boolean;
}

/**
 * The source files (TypeScript, TSX, JavaScript) under a root, as sorted root-relative POSIX paths.
 * In a git work tree: tracked files plus untracked files that are not ignored (.gitignore holds).
 * Elsewhere, for a root git ignores (given explicitly, e.g. `node_modules`), or with
 * `includeIgnored`: a walk of the tree that skips `.git`, and `node_modules` below the root
 * unless `includeIgnored`. Symbolic links are not followed.
 */
export async function listSourceFiles(root: string, options: ListFilesOptions = {}): Promise<string[]> {
  const listed = (!options.includeIgnored && (await gitFiles(root))) || walk(root, !options.includeIgnored);
  return listed.filter((path) => languageForPath(path) !== undefined).sort();
}

/** The files git knows under `root` (tracked and present, plus untracked not ignored), or undefined outside a work tree. */
async function gitFiles(root: string): Promise<string[] | undefined> {
  const git = (...args: string[]): Promise<string> =>
    run("git", ["-C", root, ...args], { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }).then((result) => result.stdout);
  try {
    if ((await git("rev-parse", "--is-inside-work-tree")).trim() !== "true") return undefined;
    // A root that git ignores (node_modules, a build folder) was asked for explicitly: walk it instead.
    if (await git("check-ignore", "-q", ".").then(() => true, () => false)) return undefined;
    const [listed, deleted] = await Promise.all([
      git("ls-files", "-z", "--cached", "--others", "--exclude-standard"),
      git("ls-files", "-z", "--deleted"),
    ]);
    const gone = new Set(deleted.split("\0"));
    return [...new Set(listed.split("\0"))].filter((path) => path !== "" && !gone.has(path));
  } catch {
    return undefined;
  }
}

function walk(root: string, skipNodeModules: boolean): string[] {
  const files: string[] = [];
  const visit = (relative: string): void => {
    for (const entry of readdirSync(relative === "" ? root : join(root, relative), { withFileTypes: true })) {
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name === ".git" || (skipNodeModules && entry.name === "node_modules")) continue;
        visit(path);
      } else if (entry.isFile()) files.push(path);
    }
  };
  visit("");
  return files;
}
