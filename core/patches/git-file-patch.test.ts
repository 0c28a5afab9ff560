// Patches of git files (bytes and mode) on real repositories: binary and non-UTF-8 content byte
// for byte, executables, symlinks kept as links, and a file turned into a link, all through `git apply`.
import { chmodSync, lstatSync, mkdirSync, readFileSync, readlinkSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createPatch } from "./create-patch.ts";
import type { GitFile, PatchTree } from "./git-file.ts";
import { TempGitRepo } from "./testing/temp-git-repo.ts";

const repos: TempGitRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

const file = (content: string | Uint8Array, mode: GitFile["mode"] = "100644"): GitFile => ({ mode, content: typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content) });

/** Writes git files into a directory as git would check them out. */
function write(dir: string, tree: Record<string, GitFile>): void {
  for (const [path, entry] of Object.entries(tree)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (entry.mode === "120000") symlinkSync(Buffer.from(entry.content).toString("utf8"), target);
    else {
      writeFileSync(target, entry.content);
      chmodSync(target, entry.mode === "100755" ? 0o755 : 0o644);
    }
  }
}

/** A work tree read back as git files. */
function read(dir: string): Record<string, GitFile> {
  const tree: Record<string, GitFile> = {};
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (path === ".git") continue;
      const absolute = join(dir, path);
      const info = lstatSync(absolute);
      if (info.isSymbolicLink()) tree[path] = file(readlinkSync(absolute), "120000");
      else if (info.isDirectory()) walk(path);
      else tree[path] = file(readFileSync(absolute), info.mode & 0o100 ? "100755" : "100644");
    }
  };
  walk("");
  return tree;
}

function roundTrip(before: Record<string, GitFile>, after: Record<string, GitFile>): string {
  const repo = new TempGitRepo();
  repos.push(repo);
  write(repo.dir, before);
  repo.git("add", "-A");
  repo.git("commit", "-q", "--allow-empty", "-m", "base");
  const patch = createPatch(before as PatchTree, after as PatchTree);
  if (patch !== "") repo.apply(patch);
  expect(read(repo.dir)).toEqual(after);
  return patch;
}

describe("createPatch of git files", () => {
  it("carries binary and non-UTF-8 bytes exactly", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0xff, 0xfe]);
    const latin1 = Buffer.from("caf\xe9 cr\xe8me\n", "latin1"); // no NUL, not UTF-8
    const patch = roundTrip({ "img/logo.png": file(png), "notes.txt": file(latin1) }, { "img/logo.png": file(Uint8Array.from([...png, 1, 2, 3])), "notes.txt": file(Buffer.from("caf\xe9 au lait\n", "latin1")), "new.bin": file(png) });
    expect(patch.match(/GIT binary patch/g)).toHaveLength(3);
  });

  it("keeps executables executable and changes a mode alone", () => {
    const patch = roundTrip({ "run.sh": file("#!/bin/sh\necho hi\n"), "tool.sh": file("x\n", "100755") }, { "run.sh": file("#!/bin/sh\necho hi\n", "100755"), "tool.sh": file("y\n", "100755"), "new.sh": file("z\n", "100755") });
    expect(patch).toContain("diff --git a/run.sh b/run.sh\nold mode 100644\nnew mode 100755\n");
    expect(patch).toContain("new file mode 100755\n");
  });

  it("keeps symlinks as symlinks: added, retargeted, deleted, and a file turned into one", () => {
    const patch = roundTrip(
      { "a.txt": file("a\n"), "old-link": file("a.txt", "120000"), "moved": file("a.txt", "120000"), "becomes-link": file("text\n") },
      { "a.txt": file("a\n"), "new-link": file("dir/../a.txt", "120000"), "moved": file("b.txt", "120000"), "becomes-link": file("a.txt", "120000") },
    );
    expect(patch).toContain("new file mode 120000\n");
    expect(patch).toMatch(/diff --git a\/becomes-link b\/becomes-link\ndeleted file mode 100644\n[^]*diff --git a\/becomes-link b\/becomes-link\nnew file mode 120000\n/);
  });
});
