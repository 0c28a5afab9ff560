// The user's and the environment's mistakes through the real CLI process: each is one line that
// says what to do and exit 2 (or 3), never 70 ("internal") and never a stack trace. The store is
// made directly (a session and a node), so no search has to run.
import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSampleRepo } from "../../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../../sandbox/testing/sample-repo.ts";
import { addNode, createSession, openStore } from "../../store/index.ts";
import { testProvenance } from "../../store/testing/temp-store.ts";
import { exitCodes } from "./exit-codes.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
let repo: TempRepo;
let work: string;
let storeFile: string;
let nodeId: string;

beforeEach(async () => {
  repo = await makeSampleRepo();
  chmodSync(repo.path, 0o755); // readable by the other user some tests run as
  work = mkdtempSync(path.join(tmpdir(), "forklift-user-errors-"));
  chmodSync(work, 0o755);
  storeFile = path.join(work, "store", "forklift.db");
  mkdirSync(path.dirname(storeFile));
  const store = openStore(storeFile);
  const rootCommit = (await repo.git("rev-parse", "HEAD")).trim();
  const { root: rootNode } = createSession(store, { specName: "s", specHash: "h", repoPath: repo.path, rootCommit, status: "paused" });
  // enough content that the store spans many pages
  const changes = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`src/gen/file-${i}.js`, `export const value${i} = ${JSON.stringify("x".repeat(3000 + i))};\n`]));
  nodeId = addNode(store, { parentId: rootNode.id, hypothesis: { kind: "manual" }, provenance: testProvenance, changes: { ...changes, "src/report.js": "export const report = () => 'migrated';\n" } }).id;
  store.close();
});

afterEach(async () => {
  await repo.remove();
  rmSync(work, { recursive: true, force: true });
});

/** Runs the CLI; as `user` when given (the tests run as root, who may write anything). */
function forklift(args: string[], options: { user?: string; cwd?: string } = {}) {
  const command = ["node", path.join(root, "bin/forklift.js"), ...args, "--store", storeFile];
  const argv = options.user && process.getuid?.() === 0 ? ["runuser", "-u", options.user, "--", ...command] : command;
  // another user reads the (root-owned) repository: git wants it named safe
  const asUser = options.user ? { GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "safe.directory", GIT_CONFIG_VALUE_0: "*" } : {};
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd: options.cwd ?? work, encoding: "utf8", timeout: 60_000, env: { ...process.env, FORKLIFT_STORE: "", ...asUser } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One line, starting with `forklift:`, without a stack. */
const oneLine = (pattern: string) => expect.stringMatching(new RegExp(`^forklift: ${pattern}[^\\n]*\\n$`));
const short = () => nodeId.slice(0, 8);

describe("export -o", () => {
  it("writes to standard output with -o -", () => {
    const out = forklift(["export", short(), "-o", "-"]);
    expect(out.status).toBe(exitCodes.ok);
    expect(out.stdout).toMatch(/^Forklift patch: s\n/);
    expect(out.stdout).toContain("diff --git a/src/report.js b/src/report.js");
  });

  it("refuses a missing folder, a folder, and a place it cannot write, in one line", () => {
    expect(forklift(["export", short(), "-o", "no/such/dir/m.patch"])).toMatchObject({ status: exitCodes.usage, stderr: oneLine("cannot write no/such/dir/m.patch: the folder .* does not exist; create it") });
    mkdirSync(path.join(work, "out"));
    expect(forklift(["export", short(), "-o", "out"])).toMatchObject({ status: exitCodes.usage, stderr: oneLine("cannot write out: it is a folder; name a file") });
    writeFileSync(path.join(work, "plain"), "");
    expect(forklift(["export", short(), "-o", "plain/m.patch"])).toMatchObject({ status: exitCodes.usage, stderr: oneLine("cannot write plain/m.patch: .* is not a folder") });
    const locked = path.join(work, "locked");
    mkdirSync(locked, { mode: 0o555 });
    chmodSync(locked, 0o555);
    expect(forklift(["export", short(), "-o", path.join(locked, "m.patch")], { user: "nobody", cwd: "/" })).toMatchObject({ status: exitCodes.usage, stderr: oneLine(`cannot write ${locked}/m.patch: permission denied; choose another -o`) });
  });
});

describe("apply", () => {
  it("refuses a branch name that clashes with an existing branch path, before writing anything", async () => {
    await repo.git("branch", "forklift/abc");
    await repo.git("branch", "release");
    expect(forklift(["apply", short(), "--branch", "forklift"])).toMatchObject({ status: exitCodes.usage, stderr: oneLine("cannot create branch forklift in .*: branch forklift/abc exists, and git cannot have both forklift and forklift/…; choose another name") });
    expect(forklift(["apply", short(), "--branch", "release/v2"])).toMatchObject({ status: exitCodes.usage, stderr: oneLine("cannot create branch release/v2 in .*: branch release exists") });
    expect((await repo.git("branch", "--list")).split("\n").filter(Boolean)).toHaveLength(3); // main, forklift/abc, release
    expect(forklift(["apply", short(), "--branch", "migrated"]).status).toBe(exitCodes.ok);
  });

  it("says the repository moved when it is no longer where the session found it", () => {
    const moved = `${repo.path}-moved`;
    renameSync(repo.path, moved);
    try {
      for (const command of [["apply", short()], ["export", short()], ["show", short()]]) {
        expect(forklift(command)).toMatchObject({ status: exitCodes.usage, stderr: oneLine(`the repository of session \\w{8} \\(${repo.path}\\) is gone: restore it there, or start a new session`) });
      }
    } finally {
      renameSync(moved, repo.path);
    }
  });
});

describe("the store", () => {
  it("can be read (tree, show, export) when it is read-only, and says so to a command that must write", () => {
    chmodSync(storeFile, 0o444);
    chmodSync(path.dirname(storeFile), 0o555);
    const tree = forklift(["tree"], { user: "nobody", cwd: "/" });
    expect(tree).toMatchObject({ status: exitCodes.ok, stderr: "" });
    expect(tree.stdout).toContain("paused");
    expect(forklift(["show", short()], { user: "nobody", cwd: "/" })).toMatchObject({ status: exitCodes.ok, stderr: "" });
    expect(forklift(["export", short()], { user: "nobody", cwd: "/" }).stdout).toContain("diff --git");
    const resume = forklift(["resume", "ffffffff", "--sandbox", "host"], { user: "nobody", cwd: "/" });
    expect(resume).toMatchObject({ status: exitCodes.usage, stderr: oneLine(`the store ${storeFile} is read-only .*: make it and its folder writable, or choose another store with --store`) });
  });

  it("says a store with damaged pages is damaged, for show and export", () => {
    const size = statSync(storeFile).size;
    expect(size).toBeGreaterThan(20 * 4096);
    const fd = openSync(storeFile, "r+");
    for (let page = 4; page * 4096 < size; page += 2) writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, page * 4096);
    closeSync(fd);
    for (const command of [["show", short()], ["export", short(), "-o", "m.patch"]]) {
      const out = forklift(command);
      expect(out.status, out.stderr).toBe(exitCodes.usage);
      expect(out.stderr).toEqual(oneLine(`(the store ${storeFile} is damaged|${storeFile} is not a readable Forklift store) .*[:;] restore a backup`));
    }
  });

  it("refuses to export or apply a content whose bytes no longer match their hash, writing nothing", async () => {
    const store = openStore(storeFile);
    const tampered = store.db.prepare("UPDATE blobs SET content = ? WHERE hash IN (SELECT blob_hash FROM changesets WHERE path = ?)").run(Buffer.from("export const report = () => 'tampered';\n"), "src/report.js");
    store.close();
    expect(tampered.changes).toBe(1);
    const damaged = oneLine(`${storeFile}: the stored content of src/report\\.js does not match its hash \\w{12} \\(the store is damaged\\): restore a backup of the store, or start a new session`);
    expect(forklift(["export", short(), "-o", "m.patch"])).toMatchObject({ status: exitCodes.usage, stdout: "", stderr: damaged });
    expect(existsSync(path.join(work, "m.patch"))).toBe(false);
    expect(forklift(["apply", short(), "--branch", "migrated"])).toMatchObject({ status: exitCodes.usage, stderr: damaged });
    expect(await repo.git("branch", "--list", "migrated")).toBe("");
  });
});

describe("a store that is not there", () => {
  it("is not created by a command that only reads: tree lists no sessions, show, export and apply say where it was looked for", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "forklift-no-store-"));
    try {
      const inEmpty = (args: string[]) => {
        const result = spawnSync("node", [path.join(root, "bin/forklift.js"), ...args], { cwd: empty, encoding: "utf8", timeout: 60_000, env: { ...process.env, FORKLIFT_STORE: "" } });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
      };
      const expected = path.join(empty, ".forklift", "forklift.db");
      expect(inEmpty(["tree"])).toEqual({ status: exitCodes.ok, stdout: `no sessions: there is no store at ${expected} yet (forklift run creates it; --store names another)\n`, stderr: "" });
      for (const command of [["tree", "abc"], ["show", "abc"], ["export", "abc", "-o", "m.patch"], ["apply", "abc"]]) {
        expect(inEmpty(command)).toMatchObject({ status: exitCodes.usage, stderr: `forklift: there is no store at ${expected}: run \`forklift run\` in this folder first, or name the store with --store or FORKLIFT_STORE\n` });
      }
      expect(inEmpty(["tree", "--store", empty])).toMatchObject({ status: exitCodes.usage, stderr: `forklift: the store ${empty} is a folder: name the store's file with --store\n` });
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("a closed standard output", () => {
  it("ends quietly when the reader stops early (forklift tree | true)", () => {
    const script = `set -o pipefail; node ${JSON.stringify(path.join(root, "bin/forklift.js"))} tree --store ${JSON.stringify(storeFile)} 2>${JSON.stringify(path.join(work, "err"))} | true`;
    const result = spawnSync("bash", ["-c", script], { encoding: "utf8" });
    expect(readFileSync(path.join(work, "err"), "utf8")).toBe("");
    expect(result.status).toBe(0);
  });
});
