import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyEditsToDirectory } from "./apply-edits-to-directory.ts";
import { blockText } from "./testing-helpers.ts";

let base: string;
let root: string;
const read = (p: string): Promise<string> => readFile(path.join(root, p), "utf8");

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), "forklift-dir-"));
  root = path.join(base, "repo");
  await mkdir(path.join(root, "src"), { recursive: true });
  await mkdir(path.join(base, "outside"));
  await writeFile(path.join(root, "src", "a.ts"), "export const a = 1;\r\nexport const b = 2;\r\n");
  await writeFile(path.join(root, "run.sh"), "echo hi\n");
  await chmod(path.join(root, "run.sh"), 0o755);
  await writeFile(path.join(base, "outside", "secret.ts"), "secret\n");
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("applyEditsToDirectory", () => {
  it("writes every changed file, keeping line endings and permissions, leaving no temporary files", async () => {
    const reply = blockText("src/a.ts", "export const b = 2;", "export const b = 3;") + blockText("run.sh", "echo hi", "echo bye") + blockText("src/new/c.ts", "", "export {};");
    const result = await applyEditsToDirectory(root, reply);
    expect(result).toMatchObject({ kind: "applied", written: ["src/a.ts", "run.sh", "src/new/c.ts"] });
    expect(await read("src/a.ts")).toBe("export const a = 1;\r\nexport const b = 3;\r\n");
    expect(await read("run.sh")).toBe("echo bye\n");
    expect((await stat(path.join(root, "run.sh"))).mode & 0o777).toBe(0o755);
    expect(await read("src/new/c.ts")).toBe("export {};\n");
    expect((await readdir(path.join(root, "src"))).sort()).toEqual(["a.ts", "new"]);
    expect(await readdir(root)).not.toContain(expect.stringContaining(".tmp"));
  });

  it("dry run: reports the changes and the originals, writes nothing", async () => {
    const result = await applyEditsToDirectory(root, blockText("src/a.ts", "export const a = 1;", "export const a = 5;"), { dryRun: true });
    expect(result).toMatchObject({
      kind: "applied",
      written: [],
      changes: { "src/a.ts": "export const a = 5;\r\nexport const b = 2;\r\n" },
      originals: { "src/a.ts": "export const a = 1;\r\nexport const b = 2;\r\n" },
    });
    expect(await read("src/a.ts")).toBe("export const a = 1;\r\nexport const b = 2;\r\n");
  });

  it("writes nothing at all when any block fails", async () => {
    const reply = blockText("run.sh", "echo hi", "echo bye") + blockText("src/a.ts", "nothing like this", "x");
    const result = await applyEditsToDirectory(root, reply);
    expect(result).toMatchObject({ kind: "failed", errors: [{ block: 2, failure: { kind: "not-found" } }] });
    expect(await read("run.sh")).toBe("echo hi\n");
  });

  it("refuses symlinks out of the root and never writes outside", async () => {
    await symlink(path.join(base, "outside"), path.join(root, "out"));
    await symlink(path.join(base, "outside", "secret.ts"), path.join(root, "secret.ts"));
    const reply = blockText("out/x.ts", "", "pwned") + blockText("secret.ts", "secret", "pwned") + blockText("../outside/y.ts", "", "pwned");
    const result = await applyEditsToDirectory(root, reply);
    expect(result).toMatchObject({
      kind: "failed",
      errors: [1, 2, 3].map((block) => ({ block, failure: { kind: "path-refused" } })),
    });
    expect(await readdir(path.join(base, "outside"))).toEqual(["secret.ts"]);
    expect(await readFile(path.join(base, "outside", "secret.ts"), "utf8")).toBe("secret\n");
  });

  it("edits the real file behind an in-repository symlink, and the link stays a link", async () => {
    await symlink("src/a.ts", path.join(root, "link.ts"));
    const result = await applyEditsToDirectory(root, blockText("link.ts", "export const a = 1;", "export const a = 9;"));
    expect(result.kind).toBe("applied");
    expect((await lstat(path.join(root, "link.ts"))).isSymbolicLink()).toBe(true);
    expect(await read("src/a.ts")).toContain("export const a = 9;");
  });

  it("refuses two paths for one file", async () => {
    await symlink("src/a.ts", path.join(root, "link.ts"));
    const reply = blockText("src/a.ts", "export const a = 1;", "x") + blockText("link.ts", "export const b = 2;", "y");
    const result = await applyEditsToDirectory(root, reply);
    expect(result).toMatchObject({ kind: "failed", errors: [{ block: 2, failure: { kind: "path-refused", reason: expect.stringContaining("same file as `src/a.ts`") } }] });
  });

  it("refuses binary, non-UTF-8 and non-regular files", async () => {
    await writeFile(path.join(root, "bin.dat"), Buffer.from([1, 0, 2]));
    await writeFile(path.join(root, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await mkdir(path.join(root, "dir.d"));
    const reply = blockText("bin.dat", "x", "y") + blockText("latin1.txt", "x", "y") + blockText("dir.d", "x", "y");
    const result = await applyEditsToDirectory(root, reply);
    expect(result).toMatchObject({
      kind: "failed",
      errors: [
        { block: 1, failure: { kind: "unreadable", reason: expect.stringContaining("binary") } },
        { block: 2, failure: { kind: "unreadable", reason: expect.stringContaining("UTF-8") } },
        { block: 3, failure: { kind: "unreadable", reason: expect.stringContaining("not a regular file") } },
      ],
    });
  });

  it("keeps a byte-order mark on disk", async () => {
    await writeFile(path.join(root, "bom.ts"), "\uFEFFconst x = 1;\n");
    await applyEditsToDirectory(root, blockText("bom.ts", "const x = 1;", "const x = 2;"));
    expect(await readFile(path.join(root, "bom.ts"))).toEqual(Buffer.from("\uFEFFconst x = 2;\n"));
  });
});
