import { lstat, readFile, readlink, realpath } from "node:fs/promises";
import path from "node:path";
import { ForkliftError } from "../../../shared/errors.ts";
import type { GitFileChanges } from "../../patches/index.ts";
import { linkStaysInside } from "../../patches/index.ts";
import { runGit } from "./run-git.ts";

/** The largest uncommitted file taken into a session's root (it is stored whole in the store). */
export const maxRootFileBytes = 64 * 1024 * 1024;

/** The uncommitted work of a working tree, and what of it cannot be taken. */
export interface WorkingTreeChanges {
  /** Modified, added and untracked-not-ignored files as git files (exact bytes, mode; symlinks as links); deleted → null. */
  readonly changes: GitFileChanges;
  /** Paths left out, each with why (a submodule or a nested repository). */
  readonly skipped: readonly string[];
}

/**
 * The uncommitted work of a working tree relative to HEAD, as git status sees it, read as bytes:
 * binary files byte for byte, the executable bit kept, a symlink kept as a link and never
 * followed. A symlink that leads out of the repository, and a file over {@link maxRootFileBytes},
 * are refused with a one-line reason ("path-outside-repo", "invalid-input").
 */
export async function workingTreeChanges(repoPath: string): Promise<WorkingTreeChanges> {
  const entries = splitEntries(await runGit(repoPath, ["status", "--porcelain=v1", "-z", "--untracked-files=all"]));
  const changes: GitFileChanges = {};
  const skipped: string[] = [];
  const realRoot = await realpath(repoPath);
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    const status = entry.subarray(0, 2).toString("latin1");
    const file = utf8Path(entry.subarray(3));
    if (status.startsWith("R") || status.startsWith("C")) {
      const from = entries[++i];
      if (from && from.length > 0 && status.startsWith("R")) changes[utf8Path(from)] = null;
    }
    const absolute = path.join(repoPath, file);
    const info = await lstat(absolute).catch(() => undefined);
    if (!info) changes[file] = null;
    else if (info.isSymbolicLink()) changes[file] = { mode: "120000", content: Buffer.from(await checkedLink(realRoot, file, absolute), "utf8") };
    else if (info.isFile()) {
      if (info.size > maxRootFileBytes) {
        throw new ForkliftError("invalid-input", `${file} is ${mebibytes(info.size)}, over the ${mebibytes(maxRootFileBytes)} limit for uncommitted files: commit it, ignore it (.gitignore), or leave out --allow-dirty`);
      }
      changes[file] = { mode: info.mode & 0o100 ? "100755" : "100644", content: await readFile(absolute) };
    } else skipped.push(`${file.replace(/\/$/, "")} (a submodule or nested repository: commit its work there)`);
  }
  return { changes, skipped };
}

/** The target of an uncommitted symlink, refused when it leads out of the repository (by its text, or through other links). */
async function checkedLink(realRoot: string, file: string, absolute: string): Promise<string> {
  const target = await readlink(absolute);
  const refuse = () =>
    new ForkliftError("path-outside-repo", `${file} is a symlink to ${target}, outside the repository: remove it, or replace it with the file itself, before running with --allow-dirty`);
  if (!linkStaysInside(file, target)) throw refuse();
  const real = await realpath(absolute).catch(() => undefined); // a dangling link stays a dangling link
  if (real !== undefined) {
    const inside = path.relative(realRoot, real);
    if (inside === ".." || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) throw refuse();
  }
  return target;
}

/** git's NUL-separated output, as the raw bytes of each entry. */
function splitEntries(out: Buffer): Buffer[] {
  const entries: Buffer[] = [];
  for (let start = 0; start < out.length; ) {
    const end = out.indexOf(0, start);
    entries.push(out.subarray(start, end === -1 ? out.length : end));
    start = end === -1 ? out.length : end + 1;
  }
  return entries;
}

/** A path as git gave it; one that is not UTF-8 is refused (the store and patches name files by text: decoding it would lose the file). */
function utf8Path(bytes: Buffer): string {
  const text = bytes.toString("utf8");
  if (Buffer.from(text, "utf8").equals(bytes)) return text;
  const shown = [...bytes].map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, "0")}`)).join("");
  throw new ForkliftError("invalid-input", `the uncommitted file name ${shown} is not UTF-8, which --allow-dirty cannot carry: rename it to a UTF-8 name, or commit or stash it, then run again`);
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}

/** True when the working tree has no uncommitted or untracked (not ignored) work. */
export async function isClean(repoPath: string): Promise<boolean> {
  return (await runGit(repoPath, ["status", "--porcelain=v1", "--untracked-files=normal"])).length === 0;
}
