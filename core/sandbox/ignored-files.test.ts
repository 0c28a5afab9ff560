import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ForkliftError } from "../../shared/errors.ts";
import { checkIgnoredPaths, linkInside, listIgnoredFiles } from "./ignored-files.ts";

let root: string;
let outside: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "forklift-ignored-"));
  outside = await mkdtemp(path.join(tmpdir(), "forklift-outside-"));
  execFileSync("git", ["init", "-q"], { cwd: root });
  await writeFile(path.join(root, ".gitignore"), "node_modules/\ndist/\n");
  await writeFile(path.join(root, "index.js"), "module.exports = 1;\n");
  await mkdir(path.join(root, "node_modules/dep/lib"), { recursive: true });
  await mkdir(path.join(root, "node_modules/.bin"), { recursive: true });
  await writeFile(path.join(root, "node_modules/dep/package.json"), '{"name":"dep","main":"lib/index.js"}\n');
  await writeFile(path.join(root, "node_modules/dep/lib/index.js"), "module.exports = 42;\n", { mode: 0o755 });
  await symlink("../dep/lib/index.js", path.join(root, "node_modules/.bin/dep"));
  await symlink("../../index.js", path.join(root, "node_modules/dep/root-link.js")); // out of node_modules, inside the repository
  await symlink(path.join(root, "index.js"), path.join(root, "node_modules/absolute-inside.js"));
  await symlink(path.join(outside), path.join(root, "node_modules/linked-global")); // npm link
  await symlink("../../../../etc/passwd", path.join(root, "node_modules/dep/escape"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe("listIgnoredFiles", () => {
  it("lists the ignored tree with modes; links stay inside the repository or are left out", async () => {
    const found = await listIgnoredFiles(root, ["node_modules"]);
    const byPath = new Map(found.entries.map((entry) => [entry.path, entry]));
    expect(byPath.get("node_modules")).toMatchObject({ kind: "directory" });
    expect(byPath.get("node_modules/dep/lib/index.js")).toMatchObject({ kind: "file", mode: 0o755, size: 21 });
    expect(byPath.get("node_modules/.bin/dep")).toEqual(expect.objectContaining({ kind: "symlink", linkname: "../dep/lib/index.js" }));
    expect(byPath.get("node_modules/dep/root-link.js")).toEqual(expect.objectContaining({ kind: "symlink", linkname: "../../index.js" }));
    // an absolute link into the repository becomes relative: the repository lives elsewhere in the sandbox
    expect(byPath.get("node_modules/absolute-inside.js")).toEqual(expect.objectContaining({ kind: "symlink", linkname: "../index.js" }));
    expect([...found.skippedLinks].sort()).toEqual(["node_modules/dep/escape", "node_modules/linked-global"]);
    expect(found.files).toBe(2);
    expect(found.entries.some((entry) => entry.path === "index.js" || entry.path === ".gitignore")).toBe(false);
  });

  it("refuses a path with nothing ignored under it, saying what to do", async () => {
    await expect(checkIgnoredPaths(root, ["node_modules"])).resolves.toBeUndefined();
    for (const wanted of ["dist", "index.js"]) {
      const error = await listIgnoredFiles(root, [wanted]).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ForkliftError);
      expect((error as ForkliftError).message).toMatch(new RegExp(`^sandbox\\.copyIgnored: nothing git-ignored at ${wanted} in .*: install it there first`));
    }
  });
});

describe("linkInside", () => {
  it("keeps relative links that resolve inside, relativizes absolute ones into the root, refuses the rest", () => {
    expect(linkInside("/r", "a/b/link", "../c")).toBe("../c");
    expect(linkInside("/r", "a/link", "../../x")).toBeUndefined();
    expect(linkInside("/r", "a/b/link", "/r/a/c/d")).toBe("../c/d");
    expect(linkInside("/r", "a/link", "/etc/passwd")).toBeUndefined();
    expect(linkInside("/r", "a/link", "/r")).toBeUndefined();
  });
});
