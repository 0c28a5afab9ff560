import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDockerIgnore } from "./dockerignore.ts";
import { packDirectory, readArchive } from "./tar-archive.ts";

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "forklift-pack-"));
  for (const file of ["Dockerfile", ".dockerignore", "src/a.ts", "node_modules/x/index.js", "build/out.js", "build/keep.map", "docs/notes.md", ".git/HEAD"]) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), file);
  }
});

afterEach(async () => rm(root, { recursive: true, force: true }));

async function packed(ignoreText: string, keep: string[] = []): Promise<string[]> {
  const entries = await readArchive(packDirectory(root, { ignore: parseDockerIgnore(ignoreText), keep }));
  return entries.map((entry) => `${entry.path}${entry.type === "directory" ? "/" : ""}`).sort();
}

describe("packDirectory (the build context)", () => {
  it("leaves out .git and what .dockerignore excludes, without walking excluded folders", async () => {
    expect(await packed("node_modules\nbuild\n*.md\n**/*.md\nDockerfile\n.dockerignore\n", ["Dockerfile", ".dockerignore"])).toEqual([
      ".dockerignore",
      "Dockerfile",
      "docs/",
      "src/",
      "src/a.ts",
    ]);
  });

  it("walks an excluded folder when a ! line may bring part of it back", async () => {
    expect(await packed("build\n!build/*.map\nnode_modules\n")).toEqual([".dockerignore", "Dockerfile", "build/keep.map", "docs/", "docs/notes.md", "src/", "src/a.ts"]);
  });
});
