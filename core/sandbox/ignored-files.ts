/**
 * The git-ignored files a spec names in `sandbox.copyIgnored` (typically `node_modules`), listed
 * from the host's working tree so they can be streamed into the base sandbox before setup:
 * dependencies installed on the host, no network in the sandbox. Only ignored files are taken
 * (tracked files come from the commit). Symbolic links are kept only when they stay inside the
 * repository; an absolute link into the repository becomes relative, any other is skipped.
 */
import { execFile } from "node:child_process";
import { lstat, readdir, readlink } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { ForkliftError } from "../../shared/errors.ts";

const run = promisify(execFile);

/** One entry to copy: a POSIX path relative to the repository and what to create there. */
export type IgnoredEntry =
  | { readonly kind: "directory"; readonly path: string; readonly mode: number; readonly mtime: Date }
  | { readonly kind: "file"; readonly path: string; readonly absolutePath: string; readonly mode: number; readonly size: number; readonly mtime: Date }
  | { readonly kind: "symlink"; readonly path: string; readonly linkname: string; readonly mtime: Date };

/** What {@link listIgnoredFiles} found. */
export interface IgnoredFiles {
  /** Directories first, then their contents, in walk order. */
  readonly entries: readonly IgnoredEntry[];
  readonly files: number;
  readonly bytes: number;
  /** Links left out because they lead out of the repository (repository-relative paths). */
  readonly skippedLinks: readonly string[];
}

/**
 * Lists the ignored files under `paths` (repository-relative) in the working tree at `root`. A
 * path with nothing ignored under it (missing, or not ignored by git) is refused in one line.
 */
export async function listIgnoredFiles(root: string, paths: readonly string[]): Promise<IgnoredFiles> {
  const entries: IgnoredEntry[] = [];
  const skippedLinks: string[] = [];
  let files = 0;
  let bytes = 0;
  const seen = new Set<string>();
  const add = async (relative: string): Promise<void> => {
    if (seen.has(relative)) return;
    seen.add(relative);
    const absolute = path.join(root, relative);
    const info = await lstat(absolute).catch(() => undefined);
    if (!info) return;
    if (info.isSymbolicLink()) {
      const linkname = linkInside(root, relative, await readlink(absolute));
      if (linkname === undefined) skippedLinks.push(relative);
      else entries.push({ kind: "symlink", path: relative, linkname, mtime: info.mtime });
    } else if (info.isFile()) {
      files++;
      bytes += info.size;
      entries.push({ kind: "file", path: relative, absolutePath: absolute, mode: info.mode & 0o777, size: info.size, mtime: info.mtime });
    } else if (info.isDirectory()) {
      entries.push({ kind: "directory", path: relative, mode: info.mode & 0o777, mtime: info.mtime });
      const children = await readdir(absolute);
      for (const child of children.sort()) await add(`${relative}/${child}`);
    }
    // sockets, fifos and devices are not copied
  };
  for (const wanted of paths) for (const entry of await requireIgnored(root, wanted)) await add(entry);
  return { entries, files, bytes, skippedLinks };
}

/** Checks, without reading them, that every path has git-ignored files in the working tree at `root` (before a session starts). */
export async function checkIgnoredPaths(root: string, paths: readonly string[]): Promise<void> {
  for (const wanted of paths) await requireIgnored(root, wanted);
}

/** The ignored entries under one path; none is refused in one line. */
async function requireIgnored(root: string, wanted: string): Promise<string[]> {
  const listed = await ignoredUnder(root, wanted);
  if (listed.length > 0) return listed;
  throw new ForkliftError(
    "invalid-input",
    `sandbox.copyIgnored: nothing git-ignored at ${wanted} in ${root}: install it there first (e.g. npm ci), or remove it from copyIgnored (only ignored paths are copied; tracked files come from the commit)`,
  );
}

/** The ignored entries git lists under one path (a folder entirely ignored is one entry). */
async function ignoredUnder(root: string, wanted: string): Promise<string[]> {
  const { stdout } = await run("git", ["-C", root, "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory", "--", wanted], {
    maxBuffer: 256 * 1024 * 1024,
    encoding: "utf8",
  });
  return stdout
    .split("\0")
    .filter((entry) => entry !== "")
    .map((entry) => entry.replace(/\/$/, ""))
    .filter((entry) => entry !== ".git" && !entry.startsWith(".git/"));
}

/**
 * The link target to write in the sandbox, or undefined when the link leads out of the repository:
 * a relative target is kept as it is when it resolves inside; an absolute one into the repository
 * is made relative (the repository has another path in the sandbox).
 */
export function linkInside(root: string, linkPath: string, target: string): string | undefined {
  const directory = path.posix.dirname(linkPath);
  if (path.isAbsolute(target)) {
    const relative = path.relative(root, target);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
    return path.posix.relative(directory, relative.split(path.sep).join("/")) || ".";
  }
  const resolved = path.posix.normalize(path.posix.join(directory, target));
  if (resolved === ".." || resolved.startsWith("../") || path.posix.isAbsolute(resolved)) return undefined;
  return target;
}
