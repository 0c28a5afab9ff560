import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { FileTree } from "../../../shared/file-changes.ts";

/** A real git repository in a temporary directory, for tests: write files, commit, run git, read the work tree back. */
export class TempGitRepo {
  readonly dir = mkdtempSync(join(tmpdir(), "forklift-patch-"));

  constructor() {
    this.git("init", "-q");
  }

  /** Runs git in the repository with a fixed identity and no line-ending conversion; returns stdout. */
  git(...args: string[]): string {
    return execFileSync("git", ["-c", "user.name=Forklift Test", "-c", "user.email=test@forklift.invalid", "-c", "core.autocrlf=false", ...args], {
      cwd: this.dir,
      encoding: "utf8",
      stdio: ["pipe", "pipe", "pipe"],
    });
  }

  /** Writes the files (and nothing else) and commits them. */
  commit(files: FileTree): void {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(this.dir, path)), { recursive: true });
      writeFileSync(join(this.dir, path), content, "utf8");
    }
    this.git("add", "-A");
    this.git("commit", "-q", "--allow-empty", "-m", "base");
  }

  /** Writes a patch file and runs `git apply --check` then `git apply` on it. */
  apply(patch: string): void {
    writeFileSync(join(this.dir, ".git", "forklift.patch"), patch, "utf8");
    this.git("apply", "--check", ".git/forklift.patch");
    this.git("apply", ".git/forklift.patch");
  }

  /** The work tree's files (without .git), path → content. */
  files(): FileTree {
    const tree: FileTree = {};
    const walk = (relative: string): void => {
      for (const entry of readdirSync(join(this.dir, relative), { withFileTypes: true })) {
        const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
        if (path === ".git") continue;
        if (entry.isDirectory()) walk(path);
        else tree[path] = readFileSync(join(this.dir, path), "utf8");
      }
    };
    walk("");
    return tree;
  }

  /** Deletes the directory. */
  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
