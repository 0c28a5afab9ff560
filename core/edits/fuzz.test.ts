import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyEditsToDirectory } from "./apply-edits-to-directory.ts";
import { applyEditText } from "./apply-edits.ts";
import { checkRepoPath } from "./repo-path-rules.ts";

/**
 * Hostile and random replies through parse + apply + write-to-directory, with a fixed seed so CI
 * runs the same cases every time. Nothing may throw, and nothing outside the repository may
 * change: a sentinel directory beside it (reachable through symlinks inside it) is compared
 * byte for byte after every run.
 */
const seed = 20240603;

const hostilePaths = [
  "../sentinel/pwned.ts",
  "../../etc/passwd",
  "/etc/passwd",
  "/tmp/pwned.ts",
  "out/pwned.ts",
  "out/secret.ts",
  "secret.ts",
  "dangling.ts",
  "loop-a/x.ts",
  "sneaky/config",
  ".git/config",
  ".git/hooks/pre-commit",
  "node_modules/.bin/tsc",
  "src/../../sentinel/x.ts",
  "src\\..\\..\\sentinel\\x.ts",
  "C:\\Windows\\x.ts",
  "~/x.ts",
  "a\u0000b.ts",
  "src/a.ts\u0000.png",
  "src/a.ts",
  "src/b.ts",
  "src/new/deep/file.ts",
  "./src/a.ts",
  "src/a.ts/x.ts",
  "constructor",
  "__proto__",
  "x".repeat(300) + ".ts",
];
const fileLines = ["export function f(a: number) {", "  return a + 1;", "}", "", "export const s = \"it's\";", "\tconst t = 1;  "];
const markerLines = ["<<<<<<< SEARCH", "=======", ">>>>>>> REPLACE", "<<<<<<<< SEARCH", "```", "```ts src/a.ts", "...", "// ... rest of code", "# existing code"];

const line = fc.oneof(
  fc.constantFrom(...fileLines),
  fc.constantFrom(...markerLines),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("\u0000", "\r", "\u2028", "“quoted”", "\uFEFF", ""),
);
const pathLine = fc.oneof(
  fc.constantFrom(...hostilePaths),
  fc.constantFrom(...hostilePaths).map((p) => `**${p}**`),
  fc.constantFrom(...hostilePaths).map((p) => `\`${p}\``),
  fc.string({ maxLength: 30 }),
);
const codeLine = fc.oneof(fc.constantFrom(...fileLines), fc.string({ maxLength: 40 }).filter((l) => !/[<=>]{5}/.test(l)));
/** Well-formed blocks whose SEARCH is real text of src/a.ts (or empty), so that many replies do apply and write. */
const plausibleBlock = fc.record({
  path: fc.constantFrom(...hostilePaths),
  search: fc.oneof(
    fc.constant([] as string[]),
    fc.tuple(fc.nat(fileLines.length - 1), fc.integer({ min: 1, max: 4 })).map(([start, length]) => fileLines.slice(start, start + length)),
  ),
  replace: fc.array(codeLine, { maxLength: 6 }),
  before: fc.constant([] as string[]),
});
const block = fc.oneof(
  { arbitrary: plausibleBlock, weight: 2 },
  fc.record({
    path: pathLine,
    search: fc.array(line, { maxLength: 8 }),
    replace: fc.array(line, { maxLength: 8 }),
    before: fc.array(line, { maxLength: 2 }),
  }),
);
const reply = fc
  .record({ blocks: fc.array(block, { minLength: 1, maxLength: 3 }), cut: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.nat(), weight: 1 }), crlf: fc.boolean() })
  .map(({ blocks, cut, crlf }) => {
    let text = blocks
      .map((b) => [...b.before, b.path, "<<<<<<< SEARCH", ...b.search, "=======", ...b.replace, ">>>>>>> REPLACE"].join("\n"))
      .join("\n");
    if (cut !== undefined && text.length > 0) text = text.slice(0, cut % text.length);
    return crlf ? text.replace(/\n/g, "\r\n") : text;
  });

let base: string;
let root: string;
let sentinel: string;
let sentinelBefore: string;

/** Everything under a directory, links not followed: names, kinds and contents. */
async function snapshot(dir: string): Promise<string> {
  const out: string[] = [];
  const walk = async (current: string): Promise<void> => {
    for (const name of (await readdir(current)).sort()) {
      const full = path.join(current, name);
      const info = await lstat(full);
      if (info.isDirectory()) {
        out.push(`d ${path.relative(dir, full)}`);
        await walk(full);
      } else if (info.isSymbolicLink()) {
        out.push(`l ${path.relative(dir, full)}`);
      } else {
        out.push(`f ${path.relative(dir, full)} ${(await readFile(full)).toString("base64")}`);
      }
    }
  };
  await walk(dir);
  return out.join("\n");
}

async function resetRepository(): Promise<void> {
  await writeFile(path.join(root, "src", "a.ts"), fileLines.join("\n") + "\n");
  await writeFile(path.join(root, "src", "b.ts"), fileLines.slice(0, 3).join("\r\n"));
}

async function temporaryFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.name.includes(".forklift-") && entry.name.endsWith(".tmp")) found.push(entry.name);
  }
  return found;
}

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "forklift-fuzz-"));
  root = path.join(base, "repo");
  sentinel = path.join(base, "sentinel");
  await mkdir(path.join(root, "src"), { recursive: true });
  await mkdir(path.join(root, ".git"));
  await mkdir(path.join(root, "node_modules", ".bin"), { recursive: true });
  await mkdir(sentinel);
  await writeFile(path.join(sentinel, "secret.ts"), "export const secret = 1;\n");
  await symlink(sentinel, path.join(root, "out"));
  await symlink(path.join(sentinel, "secret.ts"), path.join(root, "secret.ts"));
  await symlink(path.join(sentinel, "missing.ts"), path.join(root, "dangling.ts"));
  await symlink("loop-b", path.join(root, "loop-a"));
  await symlink("loop-a", path.join(root, "loop-b"));
  await symlink(".git", path.join(root, "sneaky"));
  await resetRepository();
  sentinelBefore = await snapshot(sentinel);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function assertContained(): Promise<void> {
  expect(await snapshot(sentinel)).toBe(sentinelBefore);
  expect((await readdir(base)).sort()).toEqual(["repo", "sentinel"]);
  expect(await readdir(path.join(root, ".git"))).toEqual([]);
  expect(await readdir(path.join(root, "node_modules", ".bin"))).toEqual([]);
  expect(await temporaryFiles(root)).toEqual([]);
}

describe("fuzz: parse + apply + write", () => {
  it("never throws and never writes outside the repository", async () => {
    await fc.assert(
      fc.asyncProperty(reply, fc.boolean(), async (text, dryRun) => {
        await resetRepository();
        const result = await applyEditsToDirectory(root, text, { dryRun });
        if (result.kind === "applied") {
          for (const changed of Object.keys(result.changes)) expect(checkRepoPath(changed)).toEqual({ ok: true, path: changed });
        } else {
          expect(result.message.length).toBeGreaterThan(0);
        }
        await assertContained();
      }),
      { seed, numRuns: 600 },
    );
  });

  it("pure apply never throws on random files and replies", () => {
    const files = fc.dictionary(fc.constantFrom(...hostilePaths, "src/c.ts"), fc.array(line, { maxLength: 30 }).map((l) => l.join("\n")));
    fc.assert(
      fc.property(files, reply, (tree, text) => {
        const result = applyEditText(tree, text);
        expect(["applied", "failed"]).toContain(result.kind);
      }),
      { seed, numRuns: 1500 },
    );
  });

  it("survives huge and pathological replies", async () => {
    const big = Array.from({ length: 50_000 }, (_, i) => `line ${i % 7}`).join("\n");
    const replies = [
      `src/a.ts\n<<<<<<< SEARCH\n${big}\n=======\n${big.replace(/3/g, "4")}\n>>>>>>> REPLACE\n`,
      `src/a.ts\n<<<<<<< SEARCH\n=======\n${big}\n>>>>>>> REPLACE\n`,
      "<<<<<<< SEARCH\n".repeat(20_000),
      "src/a.ts\n<<<<<<< SEARCH\n<<<<<<< SEARCH\n=======\n=======\n>>>>>>> REPLACE\n>>>>>>> REPLACE\n".repeat(2_000),
      `src/new-huge.ts\n<<<<<<< SEARCH\n=======\n${"x".repeat(200_000)}\n>>>>>>> REPLACE\n`,
      `${"a/".repeat(3000)}x.ts\n<<<<<<< SEARCH\n=======\nx\n>>>>>>> REPLACE\n`,
    ];
    for (const text of replies) {
      await resetRepository();
      const started = performance.now();
      const result = await applyEditsToDirectory(root, text, { dryRun: true });
      expect(["applied", "failed"]).toContain(result.kind);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
    await assertContained();
  });
});
