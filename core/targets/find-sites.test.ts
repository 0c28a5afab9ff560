import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FileTree } from "../../shared/file-changes.ts";
import { findSites } from "./find-sites.ts";
import { findSitesInTree } from "./find-sites-in-tree.ts";
import { ruleFromPattern } from "./load-rules.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function makeDir(files: FileTree, options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "forklift-find-"));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  if (options.git) {
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t.invalid", ...args], { cwd: dir, stdio: "pipe" });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
  }
  return dir;
}

const log = ruleFromPattern("console.log($$$A)");
const files = (result: Awaited<ReturnType<typeof findSites>>, index = 0) => result.repositories[index]!.sites.map((site) => site.file);

describe("findSites on disk", () => {
  it("in a git repository: tracked and untracked files, not ignored ones", async () => {
    const dir = makeDir(
      { ".gitignore": "ignored.ts\nnode_modules/\n", "src/a.ts": "console.log(1);", "ignored.ts": "console.log(2);", "node_modules/m/i.js": "console.log(3);" },
      { git: true },
    );
    writeFileSync(join(dir, "new.ts"), "console.log(4);");
    writeFileSync(join(dir, "ignored.ts"), "console.log(5);");
    const result = await findSites([log], [dir]);
    expect(files(result)).toEqual(["new.ts", "src/a.ts"]);
    expect(result.repositories[0]!.filesScanned).toBe(2);
    const everything = await findSites([log], [dir], { includeIgnored: true });
    expect(files(everything)).toEqual(["ignored.ts", "new.ts", "node_modules/m/i.js", "src/a.ts"]);
    // An ignored folder given as the root is scanned: the user asked for it.
    expect(files(await findSites([log], [join(dir, "node_modules")]))).toEqual(["m/i.js"]);
  });

  it("leaves out tracked files deleted from the work tree", async () => {
    const dir = makeDir({ "a.ts": "console.log(1);", "b.ts": "console.log(2);" }, { git: true });
    rmSync(join(dir, "b.ts"));
    const result = await findSites([log], [dir]);
    expect(files(result)).toEqual(["a.ts"]);
    expect(result.repositories[0]!.filesScanned).toBe(1);
  });

  it("outside git: walks the tree, skipping node_modules and .git unless asked", async () => {
    const dir = makeDir({ "a.js": "console.log(1);", "node_modules/m/i.js": "console.log(2);", "x/node_modules/n.ts": "console.log(3);", "readme.md": "console.log(4)" });
    expect(files(await findSites([log], [dir]))).toEqual(["a.js"]);
    expect(files(await findSites([log], [dir], { includeIgnored: true }))).toEqual(["a.js", "node_modules/m/i.js", "x/node_modules/n.ts"]);
    expect(files(await findSites([log], [join(dir, "node_modules")]))).toEqual(["m/i.js"]);
  });

  it("searches several repositories, each labelled as given", async () => {
    const one = makeDir({ "a.ts": "console.log(1); console.log(2);" });
    const two = makeDir({ "b.tsx": "const e = <A onClick={() => console.log(3)} />;" }, { git: true });
    const result = await findSites([log, ruleFromPattern("$A.log($B)", { id: "any-log" })], [one, two]);
    expect(result.repositories.map((repository) => [repository.path, repository.sites.length])).toEqual([
      [one, 4],
      [two, 2],
    ]);
    expect(result.repositories[1]!.sites[0]).toMatchObject({ ruleId: "any-log", repository: two, file: "b.tsx", range: { start: { line: 1, column: 29 } } });
  });

  it("agrees with the in-memory search, site for site", async () => {
    const tree: FileTree = {
      "a.ts": "console.log(a);\nfoo(console.log(b, c));\n",
      "b.js": "// console\nconsole.warn(1);",
      "c.mjs": "export default () => console.log(`x ${console.log(1)}`);",
      "d.ts": "no match here",
    };
    const dir = makeDir(tree);
    const onDisk = (await findSites([log], [dir])).repositories[0]!.sites.map(({ repository: _, ...site }) => site);
    const inMemory = findSitesInTree([log], tree).map(({ repository: _, ...site }) => site);
    expect(onDisk).toEqual(inMemory);
    expect(onDisk).toHaveLength(4);
  });

  it("skips files over 3 MB with over 200,000 lines, as ast-grep does, and says so", async () => {
    const bundle = `${"x;\n".repeat(1_100_000)}console.log(1);\n`;
    const dir = makeDir({ "bundle.js": bundle, "a.js": "console.log(2);" });
    const result = await findSites([log], [dir]);
    expect(files(result)).toEqual(["a.js"]);
    expect(result.repositories[0]!.filesSkipped).toEqual(["bundle.js"]);
    expect(findSitesInTree([log], { "bundle.js": bundle })).toEqual([]);
  });

  it("refuses a path that is not a directory", async () => {
    await expect(findSites([log], ["/no/such/dir"])).rejects.toThrow("not a directory: /no/such/dir");
  });
});
