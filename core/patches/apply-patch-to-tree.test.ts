import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ForkliftError } from "../../shared/errors.ts";
import type { FileTree } from "../../shared/file-changes.ts";
import { applyPatchToTree } from "./apply-patch-to-tree.ts";
import { createPatch } from "./create-patch.ts";
import { parsePatch } from "./parse-patch.ts";
import { TempGitRepo } from "./testing/temp-git-repo.ts";

const repos: TempGitRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

function errorOf(run: () => unknown): ForkliftError {
  try {
    run();
  } catch (error) {
    if (error instanceof ForkliftError) return error;
    throw error;
  }
  throw new Error("expected a ForkliftError");
}

describe("parsePatch + applyPatchToTree", () => {
  it("reads git's own diff output (renames, binary, quoted names, no final newline)", () => {
    const before: FileTree = {
      "src/a.ts": "const a = 1;\nconst b = 2;\n",
      "old name.ts": Array.from({ length: 12 }, (_, i) => `export const v${i} = ${i};\n`).join(""),
      "blob.bin": "\0\x01binary",
      "ünï.ts": "x",
      "gone.ts": "bye\n",
    };
    const after: FileTree = {
      "src/a.ts": "const a = 1;\nconst b = 3;\n",
      "new name.ts": Array.from({ length: 12 }, (_, i) => `export const v${i} = ${i === 5 ? 50 : i};\n`).join(""),
      "blob.bin": "\0\x02binary!",
      "ünï.ts": "y",
      "fresh.ts": "hello\n",
    };
    const repo = new TempGitRepo();
    repos.push(repo);
    repo.commit(before);
    for (const path of Object.keys(before)) rmSync(join(repo.dir, path));
    for (const [path, content] of Object.entries(after)) {
      mkdirSync(dirname(join(repo.dir, path)), { recursive: true });
      writeFileSync(join(repo.dir, path), content);
    }
    repo.git("add", "-A");
    const gitPatch = repo.git("diff", "--cached", "-M", "--binary");
    const parsed = parsePatch(gitPatch);
    expect(parsed.files.find((file) => file.status === "renamed")).toMatchObject({ oldPath: "old name.ts", newPath: "new name.ts" });
    const changes = applyPatchToTree(before, parsed);
    expect(changes).toEqual({
      "src/a.ts": after["src/a.ts"],
      "old name.ts": null,
      "new name.ts": after["new name.ts"],
      "blob.bin": after["blob.bin"],
      "ünï.ts": "y",
      "gone.ts": null,
      "fresh.ts": "hello\n",
    });
  });

  it("reads a plain unified diff without git headers", () => {
    const patch = "--- a/f.txt\t2024-01-01\n+++ b/f.txt\t2024-01-02\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n";
    expect(applyPatchToTree({ "f.txt": "a\nb\nc\n" }, patch)).toEqual({ "f.txt": "a\nB\nc\n" });
  });

  it("keeps the provenance header", () => {
    const patch = createPatch({ "a.ts": "1\n" }, { "a.ts": "2\n" }, { header: "From forklift session s1\nnode n2" });
    expect(parsePatch(patch).header).toBe("From forklift session s1\nnode n2");
  });

  it("finds a hunk that moved (lines added above it), as git does without fuzz", () => {
    const patch = createPatch({ "f.ts": "a\nb\nc\nd\ne\nf\ng\n" }, { "f.ts": "a\nb\nc\nd\nE\nf\ng\n" });
    expect(applyPatchToTree({ "f.ts": "0\n1\na\nb\nc\nd\ne\nf\ng\n" }, patch)).toEqual({ "f.ts": "0\n1\na\nb\nc\nd\nE\nf\ng\n" });
  });

  it("refuses a hunk that does not match, naming the file, hunk and line", () => {
    const patch = createPatch({ "src/f.ts": "a\nb\nc\n" }, { "src/f.ts": "a\nB\nc\n" });
    const error = errorOf(() => applyPatchToTree({ "src/f.ts": "a\nX\nc\n" }, patch));
    expect(error.code).toBe("patch-mismatch");
    expect(error.message).toBe('patch does not apply: src/f.ts: hunk 1 (@@ -1,3 +1,3 @@) does not match: line 2 should be "b\\n" but is "X\\n"');
    expect(error.message).not.toContain("\n");
  });

  it("refuses patches against missing or existing files", () => {
    const modify = createPatch({ "f.ts": "a\n" }, { "f.ts": "b\n" });
    expect(errorOf(() => applyPatchToTree({}, modify)).message).toBe("patch does not apply: f.ts does not exist");
    const add = createPatch({}, { "f.ts": "a\n" });
    expect(errorOf(() => applyPatchToTree({ "f.ts": "x\n" }, add)).message).toBe("patch does not apply: f.ts already exists");
    const remove = createPatch({ "f.ts": "a\n" }, {});
    expect(errorOf(() => applyPatchToTree({ "f.ts": "a\nmore\n" }, remove)).code).toBe("patch-mismatch");
  });

  it("refuses a missing final newline where the patch expects one", () => {
    const patch = createPatch({ "f.ts": "a\nb\n" }, { "f.ts": "a\nc\n" });
    expect(errorOf(() => applyPatchToTree({ "f.ts": "a\nb" }, patch)).code).toBe("patch-mismatch");
  });

  it("refuses malformed patches with the line number", () => {
    const truncated = "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n";
    expect(errorOf(() => parsePatch(truncated)).message).toBe("patch line 7: patch ends inside a hunk");
    const binary = "diff --git a/f b/f\nindex 1..2 100644\nBinary files a/f and b/f differ\n";
    expect(errorOf(() => parsePatch(binary)).message).toMatch(/^patch line 3: binary file without data/);
    expect(errorOf(() => parsePatch("diff --git a/f b/f\ncopy from f\ncopy to g\n")).message).toMatch(/copy patches are not supported/);
  });

  it("tolerates context lines whose leading space was stripped", () => {
    const patch = "diff --git a/f b/f\n--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n\n-b\n+B\n";
    expect(applyPatchToTree({ "f": "a\n\nb\n" }, patch)).toEqual({ f: "a\n\nB\n" });
  });
});
