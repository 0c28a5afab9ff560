import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { FileTree } from "../../shared/file-changes.ts";
import { applyPatchToTree } from "./apply-patch-to-tree.ts";
import { createPatch, createPatchFromChanges } from "./create-patch.ts";
import { TempGitRepo } from "./testing/temp-git-repo.ts";

const repos: TempGitRepo[] = [];
afterEach(() => {
  for (const repo of repos.splice(0)) repo.dispose();
});

/** Checks `patch(before → after)` both ways: `git apply` in a real repository, and applyPatchToTree. */
function roundTrip(before: FileTree, after: FileTree, options: Parameters<typeof createPatch>[2] = {}): string {
  const patch = createPatch(before, after, options);
  const repo = new TempGitRepo();
  repos.push(repo);
  repo.commit(before);
  if (patch !== "") repo.apply(patch);
  expect(repo.files()).toEqual(after);
  expect(withChanges(before, applyPatchToTree(before, patch))).toEqual(after);
  return patch;
}

function withChanges(base: FileTree, changes: Record<string, string | null>): FileTree {
  const tree = { ...base };
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) delete tree[path];
    else tree[path] = content;
  }
  return tree;
}

describe("createPatch on real git repositories", () => {
  it("modifies, adds and deletes files", () => {
    const patch = roundTrip(
      { "src/a.ts": "one\ntwo\nthree\n", "src/old.ts": "gone\n", "keep.txt": "same\n" },
      { "src/a.ts": "one\n2\nthree\nfour\n", "src/new.ts": "fresh\n", "keep.txt": "same\n" },
    );
    expect(patch).toContain("diff --git a/src/new.ts b/src/new.ts\nnew file mode 100644\n");
    expect(patch).toContain("diff --git a/src/old.ts b/src/old.ts\ndeleted file mode 100644\n");
    expect(patch).not.toContain("keep.txt");
  });

  it("writes an exact rename as a git rename without hunks", () => {
    const body = "export const x = 1;\nexport const y = 2;\n";
    const patch = roundTrip({ "a/old name.ts": body }, { "b/new name.ts": body });
    expect(patch).toContain("similarity index 100%\nrename from a/old name.ts\nrename to b/new name.ts\n");
    expect(patch).not.toContain("@@");
  });

  it("writes a similar file as a rename with hunks", () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}\n`);
    const patch = roundTrip({ "old.ts": lines.join("") }, { "new.ts": [...lines.slice(0, 19), "changed\n"].join("") });
    expect(patch).toMatch(/similarity index 9\d%\nrename from old.ts\nrename to new.ts\nindex /);
    expect(patch).toContain("--- a/old.ts\n+++ b/new.ts\n");
  });

  it("keeps CRLF line endings", () => {
    roundTrip({ "win.txt": "a\r\nb\r\nc\r\n" }, { "win.txt": "a\r\nB\r\nc\r\nd\r\n" });
  });

  it("marks files without a final newline", () => {
    const patch = roundTrip({ "x.txt": "a\nb", "y.txt": "a\nb\n" }, { "x.txt": "a\nb\n", "y.txt": "a\nc" });
    expect(patch).toContain("-b\n\\ No newline at end of file\n+b\n");
    expect(patch).toContain("+c\n\\ No newline at end of file\n");
  });

  it("creates and deletes empty files", () => {
    roundTrip({ "gone.txt": "" }, { "empty.txt": "" });
  });

  it("empties a file and fills an empty one", () => {
    roundTrip({ "a.txt": "x\ny\n", "b.txt": "" }, { "a.txt": "", "b.txt": "z\n" });
  });

  it("quotes unusual paths the way git does", () => {
    const patch = roundTrip(
      { "dir with space/f g.ts": "1\n", "ünï/çødé.ts": "2\n", 'q"uote.txt': "3\n", "tab\there.txt": "4\n" },
      { "dir with space/f g.ts": "1!\n", "ünï/çødé.ts": "2!\n", 'q"uote.txt': "3!\n", "tab\there.txt": "4!\n" },
    );
    expect(patch).toContain("--- a/dir with space/f g.ts\t\n");
    expect(patch).toContain('diff --git "a/\\303\\274n\\303\\257/\\303\\247\\303\\270d\\303\\251.ts"');
    expect(patch).toContain('"a/tab\\there.txt"');
  });

  it("writes binary content as a GIT binary patch git applies", () => {
    const patch = roundTrip(
      { "bin.dat": "PNG\0\x01\x02head", "drop.bin": "\0\0\0" },
      { "bin.dat": "PNG\0\x01\x03changed body", "new.bin": "\0abc".repeat(40) },
    );
    expect(patch).toContain("GIT binary patch\nliteral ");
  });

  it("puts a provenance header before the files, which git apply ignores", () => {
    const header = "From forklift session s1 node n7\nSubject: console to logger\n--- not a file\ndiff looks like a patch";
    const patch = roundTrip({ "a.ts": "console.log(1)\n" }, { "a.ts": "logger.info(1)\n" }, { header });
    expect(patch.startsWith("From forklift session s1 node n7\n")).toBe(true);
    expect(patch).toContain("\n --- not a file\n diff looks like a patch\n\n");
  });

  it("can turn rename detection off", () => {
    const patch = roundTrip({ "a.ts": "same\n" }, { "b.ts": "same\n" }, { renames: false });
    expect(patch).not.toContain("rename");
  });

  it("returns an empty patch for equal trees", () => {
    expect(createPatch({ "a.ts": "x\n" }, { "a.ts": "x\n" })).toBe("");
  });

  it("builds the after state from FileChanges", () => {
    const before = { "a.ts": "1\n", "b.ts": "2\n" };
    const patch = createPatchFromChanges(before, { "a.ts": "one\n", "b.ts": null, "c.ts": "3\n" });
    expect(withChanges(before, applyPatchToTree(before, patch))).toEqual({ "a.ts": "one\n", "c.ts": "3\n" });
    expect(() => createPatchFromChanges(before, { "nope.ts": null })).toThrow(/cannot delete nope.ts/);
  });

  it("refuses paths outside the repository", () => {
    expect(() => createPatch({}, { "../evil.ts": "x" })).toThrow(/not a repository-relative path/);
    expect(() => createPatch({}, { "/etc/passwd": "x" })).toThrow(/not a repository-relative path/);
  });
});

const linePool = ["a", "b", "c", "foo();", "  bar(1);", "", "x y", "}", "\tindent", "// comment"];
const namePool = ["src/a.ts", "src/b.ts", "lib/c.js", "dir with space/d e.ts", "ünï/f.ts", "g.txt", "deep/er/h.ts"];

/** A file's content: lines from a small pool (so diffs have repeats), LF or CRLF, with or without a final newline. */
const contentArb = fc
  .record({
    lines: fc.array(fc.constantFrom(...linePool), { maxLength: 30 }),
    crlf: fc.boolean(),
    finalNewline: fc.boolean(),
  })
  .map(({ lines, crlf, finalNewline }) => {
    const eol = crlf ? "\r\n" : "\n";
    return lines.join(eol) + (finalNewline && lines.length > 0 ? eol : "");
  });

/** Small edits to a line array: insert, delete or replace a line, or flip the final newline. */
const editArb = fc.array(fc.record({ op: fc.constantFrom("insert", "delete", "replace", "eof"), at: fc.nat(), line: fc.constantFrom(...linePool) }), {
  maxLength: 6,
});

function edit(content: string, edits: { op: string; at: number; line: string }[]): string {
  const eol = content.includes("\r\n") ? "\r\n" : "\n";
  let finalNewline = content.endsWith("\n");
  const lines = content === "" ? [] : content.replace(/\r?\n$/, "").split(eol);
  for (const { op, at, line } of edits) {
    const index = lines.length === 0 ? 0 : at % lines.length;
    if (op === "insert") lines.splice(index, 0, line);
    else if (op === "delete") lines.splice(index, 1);
    else if (op === "replace") lines[index] = `${line}!`;
    else finalNewline = !finalNewline;
  }
  return lines.join(eol) + (finalNewline && lines.length > 0 ? eol : "");
}

/** A random before tree and a random after tree derived from it (modify, delete, rename with edits, add). */
const treesArb = fc
  .record({
    files: fc.dictionary(fc.constantFrom(...namePool), contentArb, { minKeys: 1, maxKeys: 5 }),
    fates: fc.array(fc.record({ fate: fc.constantFrom("keep", "modify", "delete", "rename"), edits: editArb, rename: fc.nat() }), {
      minLength: 5,
      maxLength: 5,
    }),
    added: fc.dictionary(fc.constantFrom("new/one.ts", "new two.ts", "src/a.ts"), contentArb, { maxKeys: 2 }),
  })
  .map(({ files, fates, added }) => {
    const before: FileTree = files;
    const after: FileTree = {};
    Object.entries(before).forEach(([path, content], index) => {
      const { fate, edits, rename } = fates[index]!;
      if (fate === "keep") after[path] = content;
      else if (fate === "modify") after[path] = edit(content, edits);
      else if (fate === "rename") after[`moved/${rename % 3}-${path.split("/").pop()}`] = edit(content, edits.slice(0, 1));
    });
    for (const [path, content] of Object.entries(added)) if (!(path in after)) after[path] = content;
    return { before, after };
  });

describe("createPatch round trips (property)", () => {
  it("git apply turns before into after", () => {
    fc.assert(
      fc.property(treesArb, ({ before, after }) => {
        roundTrip(before, after);
        for (const repo of repos.splice(0)) repo.dispose();
      }),
      { numRuns: 40 },
    );
  });

  it("applyPatchToTree turns before into after, with and without renames", () => {
    fc.assert(
      fc.property(treesArb, fc.boolean(), ({ before, after }, renames) => {
        const patch = createPatch(before, after, { renames });
        expect(withChanges(before, applyPatchToTree(before, patch))).toEqual(after);
      }),
      { numRuns: 400 },
    );
  });
});
