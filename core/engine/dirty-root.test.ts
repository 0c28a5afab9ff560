// --allow-dirty takes uncommitted work as bytes: a binary file (tracked and changed, or untracked),
// a non-UTF-8 text, an executable script and a symlink inside the repository go through the run,
// the exported patch (`git apply` on a clean checkout) and `apply` byte for byte, the link as a
// link. A symlink to a host file is refused before a session exists, and no byte of it is stored.
import { execFileSync } from "node:child_process";
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { getTree, listSessions, openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { recipeGenerators, writeSampleSpec } from "./testing/sample-spec.ts";

let repo: TempRepo;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;
let scratch: string;

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
  store = openStore(temp.file());
  engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
  scratch = mkdtempSync(path.join(tmpdir(), "forklift-dirty-"));
});

afterEach(async () => {
  await engine.close();
  store.close();
  temp.remove();
  await repo.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** Bytes that are neither UTF-8 nor free of NUL: what a PNG, a font or a zip holds. */
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0xc3, 0x28]);
const file = (name: string) => path.join(repo.path, name);

/** The uncommitted work of the test: every kind of file --allow-dirty must carry exactly. */
async function dirtyTheRepository(): Promise<void> {
  mkdirSync(file("assets"));
  writeFileSync(file("assets/tracked.png"), png);
  await repo.git("add", "assets/tracked.png");
  await repo.git("commit", "-q", "-m", "a binary file");
  writeFileSync(file("assets/tracked.png"), Buffer.concat([png, Buffer.from([0, 1, 2, 0xff])])); // tracked binary, changed
  writeFileSync(file("assets/new.png"), png.subarray(4)); // untracked binary
  writeFileSync(file("notes-latin1.txt"), Buffer.from("caf\xe9 cr\xe8me br\xfbl\xe9e\n", "latin1")); // not UTF-8, no NUL
  writeFileSync(file("run.sh"), "#!/bin/sh\necho ok\n");
  chmodSync(file("run.sh"), 0o755);
  symlinkSync("../src/logger.js", file("assets/logger-link.js")); // a link that stays inside
}

describe("--allow-dirty", () => {
  it("carries binary files, non-UTF-8 text, executables and inside symlinks byte for byte through run, export, git apply and apply", async () => {
    await dirtyTheRepository();
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 4 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path, allowDirty: true });
    const done = await engine.settled(session.id);
    expect(done.reason).toMatch(/^solution/);
    const solution = done.reason!.replace(/^solution: node /, "");

    // export, then git apply on a clean checkout of the root commit
    const { patch } = await engine.api["node/export"]({ nodeId: solution });
    expect(patch.match(/GIT binary patch/g)?.length).toBeGreaterThanOrEqual(3);
    expect(patch).toContain("new file mode 120000");
    expect(patch).toContain("new file mode 100755");
    const clean = path.join(scratch, "clean");
    execFileSync("git", ["clone", "-q", repo.path, clean]);
    writeFileSync(path.join(scratch, "m.patch"), patch);
    execFileSync("git", ["apply", path.join(scratch, "m.patch")], { cwd: clean });
    for (const name of ["assets/tracked.png", "assets/new.png", "notes-latin1.txt", "run.sh"]) {
      expect(Buffer.compare(readFileSync(path.join(clean, name)), readFileSync(file(name))), name).toBe(0);
    }
    expect(lstatSync(path.join(clean, "run.sh")).mode & 0o111).not.toBe(0);
    expect(lstatSync(path.join(clean, "assets/logger-link.js")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(clean, "assets/logger-link.js"))).toBe("../src/logger.js");
    expect(readFileSync(path.join(clean, "src/report.js"), "utf8")).toContain("logger.info(");

    // apply: the commit holds the same bytes and modes (the user's dirty files are stashed for it)
    await repo.git("stash", "-u", "-q");
    const applied = await engine.api["node/apply"]({ nodeId: solution, branch: "migrated" });
    const entries = await repo.git("ls-tree", "-r", applied.branch);
    expect(entries).toMatch(/^120000 blob \w+\tassets\/logger-link\.js$/m);
    expect(entries).toMatch(/^100755 blob \w+\trun\.sh$/m);
    const committed = execFileSync("git", ["cat-file", "blob", `${applied.branch}:assets/tracked.png`], { cwd: repo.path });
    expect(Buffer.compare(committed, Buffer.concat([png, Buffer.from([0, 1, 2, 0xff])]))).toBe(0);
    expect(execFileSync("git", ["cat-file", "blob", `${applied.branch}:notes-latin1.txt`], { cwd: repo.path }).toString("latin1")).toBe("caf\xe9 cr\xe8me br\xfbl\xe9e\n");
  }, 90_000);

  it("refuses an uncommitted symlink to a host file before any session exists, and stores none of its bytes", async () => {
    const secret = path.join(scratch, "host-secret.txt");
    writeFileSync(secret, "host secret: root:x:0:0\n");
    symlinkSync(secret, file("leak.txt"));
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 1 });
    await expect(engine.api["session/start"]({ specPath, repoPath: repo.path, allowDirty: true })).rejects.toMatchObject({
      code: "path-outside-repo",
      message: `leak.txt is a symlink to ${secret}, outside the repository: remove it, or replace it with the file itself, before running with --allow-dirty`,
    });
    rmSync(file("leak.txt"));
    // a relative one climbing out, and one that looks inside but goes through a link that leaves
    symlinkSync(path.relative(repo.path, secret), file("climb.txt"));
    await expect(engine.api["session/start"]({ specPath, repoPath: repo.path, allowDirty: true })).rejects.toMatchObject({ code: "path-outside-repo" });
    rmSync(file("climb.txt"));
    symlinkSync(scratch, file("out"));
    await repo.git("add", "out");
    await repo.git("commit", "-q", "-m", "a committed link out");
    symlinkSync("out/host-secret.txt", file("through.txt"));
    await expect(engine.api["session/start"]({ specPath, repoPath: repo.path, allowDirty: true })).rejects.toMatchObject({ code: "path-outside-repo" });
    expect(listSessions(store)).toEqual([]);
    const blobs = store.db.prepare("SELECT content FROM blobs").pluck().all() as Buffer[];
    expect(blobs.some((blob) => blob.includes("host secret"))).toBe(false);
  });

  it("refuses an uncommitted file whose name is not UTF-8 in one line, rather than losing it", async () => {
    writeFileSync(Buffer.from(`${repo.path}/caf\xe9.txt`, "latin1"), "x\n");
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 1 });
    await expect(engine.api["session/start"]({ specPath, repoPath: repo.path, allowDirty: true })).rejects.toMatchObject({
      code: "invalid-input",
      message: "the uncommitted file name caf\\xe9.txt is not UTF-8, which --allow-dirty cannot carry: rename it to a UTF-8 name, or commit or stash it, then run again",
    });
    expect(listSessions(store)).toEqual([]);
  });

  it("leaves a committed symlink that leads out of the repository out of the sandbox, with a warning", async () => {
    symlinkSync("/etc/passwd", file("passwd-link"));
    await repo.git("add", "passwd-link");
    await repo.git("commit", "-q", "-m", "a committed link to a host file");
    const warnings: string[] = [];
    engine.events.subscribe((event) => {
      if (event.name === "log" && event.payload.level === "warn") warnings.push(event.payload.message);
    });
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 4 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    expect(warnings).toEqual([`${repo.path}: passwd-link is a symlink to /etc/passwd, outside the repository: sandboxes do not get it`]);
    const done = await engine.settled(session.id);
    expect(done.reason).toMatch(/^solution/);
    const tree = getTree(store, session.id);
    expect(Object.values(tree.nodes).some((node) => node.state === "failed-infra")).toBe(false);
    // no byte of the host file went anywhere: not into the store, not into the exported patch
    const hostLine = readFileSync("/etc/passwd", "utf8").split("\n")[0]!;
    const { patch } = await engine.api["node/export"]({ nodeId: done.reason!.replace(/^solution: node /, "") });
    expect(patch).toContain("logger.info(");
    expect(patch).not.toContain("passwd-link");
    expect(patch).not.toContain(hostLine);
    const blobs = store.db.prepare("SELECT content FROM blobs").pluck().all() as Buffer[];
    expect(blobs.some((blob) => blob.includes(hostLine))).toBe(false);
  }, 60_000);
});
