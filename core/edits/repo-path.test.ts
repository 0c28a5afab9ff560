import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRepoPath } from "./repo-path-rules.ts";
import { resolveRepoPath, tryResolveRepoPath } from "./resolve-repo-path.ts";

describe("checkRepoPath", () => {
  it.each([
    ["src/a.ts", "src/a.ts"],
    ["./src//a.ts", "src/a.ts"],
    ["src\\win\\a.ts", "src/win/a.ts"],
    ["src/.gitignore", "src/.gitignore"],
    ["docs/node_modules.md", "docs/node_modules.md"],
  ])("accepts %s as %s", (input, output) => {
    expect(checkRepoPath(input)).toEqual({ ok: true, path: output });
  });

  it.each([
    ["", "empty"],
    ["/etc/passwd", "absolute"],
    ["C:\\Windows\\x", "absolute"],
    ["\\\\server\\share", "absolute"],
    ["../a.ts", "`..`"],
    ["a/../b.ts", "`..`"],
    ["a\\..\\..\\b.ts", "`..`"],
    ["~/.bashrc", "~"],
    ["a\u0000b", "NUL"],
    ["a\nb", "control"],
    [".git/config", "`.git`"],
    ["sub/.Git/HEAD", "`.Git`"],
    [".git./config", "`.git.`"],
    ["node_modules/.bin/tsc", "`node_modules`"],
    ["packages/x/node_modules/y/index.js", "`node_modules`"],
    [".hg/hgrc", "`.hg`"],
    ["src/", "directory"],
    [".", "root"],
    ["x".repeat(5000), "longer"],
  ])("refuses %j (%s)", (input, why) => {
    const check = checkRepoPath(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toContain(why);
  });
});

describe("resolveRepoPath", () => {
  let base: string;
  let root: string;
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), "forklift-paths-"));
    root = path.join(base, "repo");
    await mkdir(path.join(root, "src"), { recursive: true });
    await mkdir(path.join(base, "outside"));
    await writeFile(path.join(root, "src", "a.ts"), "a\n");
    await writeFile(path.join(base, "outside", "secret.ts"), "secret\n");
    await symlink(path.join(base, "outside"), path.join(root, "out"));
    await symlink("../outside/secret.ts", path.join(root, "secret.ts"));
    await symlink("src", path.join(root, "alias"));
    await symlink("missing-target.ts", path.join(root, "dangling.ts"));
    await symlink("loop-b", path.join(root, "loop-a"));
    await symlink("loop-a", path.join(root, "loop-b"));
    await mkdir(path.join(root, ".git"));
    await symlink(".git", path.join(root, "sneaky"));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it("resolves existing and new files inside the root to real paths", async () => {
    const real = await resolveRepoPath(root, "src/a.ts");
    expect(real.endsWith(path.join("repo", "src", "a.ts"))).toBe(true);
    expect((await resolveRepoPath(root, "src/new/deep.ts")).endsWith(path.join("repo", "src", "new", "deep.ts"))).toBe(true);
  });

  it("follows a symlink that stays inside the root", async () => {
    expect(await resolveRepoPath(root, "alias/a.ts")).toBe(await resolveRepoPath(root, "src/a.ts"));
  });

  it.each([
    ["out/x.ts", "out of the repository"],
    ["out/secret.ts", "out of the repository"],
    ["secret.ts", "out of the repository"],
    ["dangling.ts", "broken or looping symlink"],
    ["loop-a/x.ts", "broken or looping symlink"],
    ["sneaky/config", "into `.git`"],
    ["src/a.ts/x.ts", "is a file, not a directory"],
    ["../repo/src/a.ts", "`..`"],
  ])("refuses %s (%s)", async (input, why) => {
    const resolved = await tryResolveRepoPath(root, input);
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.reason).toContain(why);
  });

  it("throws a coded ForkliftError with one line", async () => {
    await expect(resolveRepoPath(root, "out/x.ts")).rejects.toMatchObject({
      name: "ForkliftError",
      code: "path-outside-repo",
      message: "path `out/x.ts` is refused: a symlink takes it out of the repository",
    });
  });
});
