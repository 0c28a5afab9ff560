// Checkpoints of a real repository and forks from them, against the real Docker daemon.
import { chmod, mkdir, readFile, stat, writeFile, unlink, readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseImageName } from "./base-image.ts";
import type { Checkpoint, SandboxEvent } from "./index.ts";
import { makeSampleRepo, type TempRepo } from "./testing/sample-repo.ts";
import { useDriver } from "./testing/test-session.ts";

const { driver, session, fileSessions } = useDriver("ckpt");
let repo: TempRepo;
let checkpoint: Checkpoint;
let hostSnapshot: Map<string, string>;
const events: SandboxEvent[] = [];

/** Every file under a directory with its content and mode, to prove the host copy is untouched. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  const walk = async (relative: string) => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const name = path.join(relative, entry.name);
      if (entry.isDirectory()) await walk(name);
      else {
        const full = path.join(dir, name);
        const info = await stat(full);
        result.set(name, `${info.mode.toString(8)} ${info.mtimeMs} ${await readFile(full, "base64")}`);
      }
    }
  };
  await walk("");
  return result;
}

beforeAll(async () => {
  repo = await makeSampleRepo();
  // A working tree with every kind of file: uncommitted edit, untracked, ignored, deleted, executable, nested.
  await writeFile(path.join(repo.path, ".gitignore"), "*.log\nbuild/\n");
  await writeFile(path.join(repo.path, "debug.log"), "ignored\n");
  await mkdir(path.join(repo.path, "build"));
  await writeFile(path.join(repo.path, "build/out.js"), "ignored\n");
  await mkdir(path.join(repo.path, "notes/deep"), { recursive: true });
  await writeFile(path.join(repo.path, "notes/deep/todo.md"), "untracked but not ignored\n");
  await writeFile(path.join(repo.path, "run.sh"), "#!/bin/sh\necho run\n");
  await chmod(path.join(repo.path, "run.sh"), 0o755);
  await repo.git("add", "run.sh");
  await repo.git("commit", "-q", "-m", "script");
  await writeFile(path.join(repo.path, "src/report.js"), "// uncommitted edit\n", { flag: "a" });
  await unlink(path.join(repo.path, "src/logger.js"));
  hostSnapshot = await snapshot(repo.path);
  checkpoint = await driver().createCheckpoint(
    { session: `${fileSessions}-shared`, node: "root", repoPath: repo.path, image: baseImageName, setup: ["npm test > setup-ran.txt 2>&1 || true"] },
    (event) => events.push(event),
  );
});

afterAll(async () => {
  await driver().warm(undefined);
  if (checkpoint) await driver().removeCheckpoint(checkpoint);
  await repo?.remove();
});

describe("base checkpoint", () => {
  it("reports its phases and carries the image's user and workdir", () => {
    const phases = events.flatMap((event) => (event.type === "checkpoint" ? [event.phase] : []));
    expect(phases).toEqual(["creating-container", "copying-files", "running-setup", "committing", "done"]);
    expect(events.some((event) => event.type === "setup-output")).toBe(false); // output went to a file
    expect(checkpoint).toMatchObject({ workdir: "/work", uid: 1000, gid: 1000, baseImage: baseImageName, node: "root" });
    expect(checkpoint.id).toMatch(/^sha256:/);
  });

  it("copies tracked and untracked files as they are on disk, but not ignored or deleted ones", async () => {
    const sandbox = await driver().fork(checkpoint, { node: "list" });
    try {
      const result = await driver().exec(sandbox, { command: "find . -type f ! -name setup-ran.txt | sort; stat -c '%a %U' run.sh src/report.js notes/deep/todo.md" });
      expect(result.status).toBe("exited");
      const lines = result.stdout.text.trim().split("\n");
      expect(lines.slice(0, -3)).toEqual([
        "./.gitignore",
        "./notes/deep/todo.md",
        "./package.json",
        "./run.sh",
        "./src/inventory.js",
        "./src/report.js",
        "./test/inventory.test.js",
      ]);
      expect(lines.slice(-3)).toEqual(["755 forklift", "644 forklift", "644 forklift"]);
      const files = await driver().readFiles(sandbox, ["src/report.js", "notes/deep/todo.md"]);
      expect(files.get("src/report.js")?.content.toString()).toContain("// uncommitted edit");
    } finally {
      await driver().destroy(sandbox);
    }
  });

  it("ran setup inside the sandbox and left the host directory untouched", async () => {
    expect(await snapshot(repo.path)).toEqual(hostSnapshot);
    const sandbox = await driver().fork(checkpoint, { node: "setup" });
    try {
      const files = await driver().readFiles(sandbox, ["setup-ran.txt"]);
      // logger.js was deleted in the working tree, so the sample's tests fail: setup saw the working tree.
      expect(files.get("setup-ran.txt")?.content.toString()).toMatch(/logger\.js|fail/i);
    } finally {
      await driver().destroy(sandbox);
    }
  });
});

describe("setup network", () => {
  it("is given to the setup step only when asked for, never to forks", async () => {
    const withNet = await driver().createCheckpoint({
      session: session("net"),
      node: "root",
      repoPath: repo.path,
      image: baseImageName,
      setup: ["ls /sys/class/net | tr '\\n' ' ' > setup-net.txt"],
      setupNetwork: true,
    });
    const fork = await driver().fork(withNet, { node: "f" });
    try {
      const files = await driver().readFiles(fork, ["setup-net.txt"]);
      expect(files.get("setup-net.txt")?.content.toString()).toMatch(/eth0/);
      const now = await driver().exec(fork, { command: "ls /sys/class/net" });
      expect(now.stdout.text).toBe("lo\n");
    } finally {
      await driver().destroy(fork);
      await driver().removeCheckpoint(withNet);
    }
  });
});

describe("forks", () => {
  it("are isolated from each other and from the checkpoint", async () => {
    const [a, b] = await Promise.all([driver().fork(checkpoint, { node: "a" }), driver().fork(checkpoint, { node: "b" })]);
    try {
      await driver().writeFiles(a, [{ path: "src/inventory.js", content: "export const changed = true;\n" }]);
      const inA = await driver().readFiles(a, ["src/inventory.js"]);
      const inB = await driver().readFiles(b, ["src/inventory.js"]);
      expect(inA.get("src/inventory.js")?.content.toString()).toBe("export const changed = true;\n");
      expect(inB.get("src/inventory.js")?.content.toString()).not.toContain("changed");
      expect(await driver().changedPaths(b)).toEqual([]);
      const c = await driver().fork(checkpoint, { node: "c" });
      try {
        const inC = await driver().readFiles(c, ["src/inventory.js"]);
        expect(inC.get("src/inventory.js")?.content.toString()).toBe(inB.get("src/inventory.js")?.content.toString());
      } finally {
        await driver().destroy(c);
      }
    } finally {
      await Promise.all([driver().destroy(a), driver().destroy(b)]);
    }
  });

  it("write and read files through tar with modes, list changed paths and compute their contents", async () => {
    const sandbox = await driver().fork(checkpoint, { node: "files" });
    try {
      await driver().writeFiles(sandbox, [
        { path: "src/new/dir/tool.sh", content: "#!/bin/sh\necho tool\n", mode: 0o755 },
        { path: "data.bin", content: new Uint8Array([0, 1, 2, 255]) },
        { path: "run.sh", content: "#!/bin/sh\necho changed\n" }, // no mode: keeps 755
      ]);
      await driver().applyChanges(sandbox, { "package.json": '{"name":"changed"}\n', "src/inventory.js": null });
      const files = await driver().readFiles(sandbox, ["src/new/dir/tool.sh", "data.bin", "run.sh", "missing.txt", "src"]);
      expect(files.get("src/new/dir/tool.sh")).toMatchObject({ mode: 0o755 });
      expect([...(files.get("data.bin")?.content ?? [])]).toEqual([0, 1, 2, 255]);
      expect(files.get("run.sh")?.mode).toBe(0o755);
      expect(files.get("missing.txt")).toBeUndefined();
      expect(files.get("src")).toBeUndefined();
      const run = await driver().exec(sandbox, { command: "./src/new/dir/tool.sh && ./run.sh && touch src/new/dir/ok" });
      expect(run).toMatchObject({ status: "exited", exitCode: 0 });
      expect(run.stdout.text).toBe("tool\nchanged\n");

      expect(await driver().changedPaths(sandbox)).toEqual([
        { path: "data.bin", kind: "added" },
        { path: "package.json", kind: "modified" },
        { path: "run.sh", kind: "modified" },
        { path: "src/inventory.js", kind: "deleted" },
        { path: "src/new/dir/ok", kind: "added" },
        { path: "src/new/dir/tool.sh", kind: "added" },
      ]);
      const changes = await driver().fileChanges(sandbox);
      expect(changes.binaryPaths).toEqual(["data.bin"]);
      expect(changes.changes).toEqual({
        "package.json": '{"name":"changed"}\n',
        "run.sh": "#!/bin/sh\necho changed\n",
        "src/inventory.js": null,
        "src/new/dir/ok": "",
        "src/new/dir/tool.sh": "#!/bin/sh\necho tool\n",
      });
      await expect(driver().writeFiles(sandbox, [{ path: "../etc/x", content: "no" }])).rejects.toMatchObject({ code: "path-outside-repo" });
    } finally {
      await driver().destroy(sandbox);
    }
  });

  it("can be checkpointed and forked from again", async () => {
    const sandbox = await driver().fork(checkpoint, { node: "parent" });
    try {
      await driver().writeFiles(sandbox, [{ path: "step.txt", content: "step 1\n" }]);
      const child = await driver().checkpoint(sandbox, "step1");
      expect(child).toMatchObject({ parentId: checkpoint.id, node: "step1", workdir: "/work", uid: 1000 });
      const fork = await driver().fork(child, { node: "grandchild" });
      try {
        const files = await driver().readFiles(fork, ["step.txt"]);
        expect(files.get("step.txt")?.content.toString()).toBe("step 1\n");
        expect(await driver().changedPaths(fork)).toEqual([]);
      } finally {
        await driver().destroy(fork);
        await driver().removeCheckpoint(child);
      }
    } finally {
      await driver().destroy(sandbox);
    }
  });

  it("come from the warm pool, which refills and drains", async () => {
    await driver().warm(checkpoint, 2);
    const started = Date.now();
    const sandbox = await driver().fork(checkpoint, { node: "pooled" });
    const forkMs = Date.now() - started;
    try {
      const result = await driver().exec(sandbox, { command: "cat package.json" });
      expect(result).toMatchObject({ status: "exited", exitCode: 0 });
      expect(forkMs).toBeLessThan(2_000);
      await driver().warm(checkpoint, 2); // refilled in the background
    } finally {
      await driver().destroy(sandbox);
      await driver().warm(undefined);
    }
  });

  it("labels containers and committed images", async () => {
    const sandbox = await driver().fork(checkpoint, { node: "labels" });
    try {
      const container = await driver().client.api.getContainer(sandbox.id).inspect();
      expect(container.Config.Labels).toMatchObject({ "forklift.session": checkpoint.session, "forklift.node": "labels", "forklift.role": "fork" });
      expect(container.HostConfig).toMatchObject({ NetworkMode: "none", CapDrop: ["ALL"], SecurityOpt: ["no-new-privileges"], PidsLimit: 512, Init: true });
      expect(container.HostConfig.Memory).toBe(2 * 1024 ** 3);
      expect(container.HostConfig.MemorySwap).toBe(2 * 1024 ** 3);
      expect(container.Mounts).toEqual([]);
      expect(container.Config.User).toBe("forklift");
      const image = await driver().client.api.getImage(checkpoint.id).inspect();
      expect(image.Config.Labels).toMatchObject({ "forklift.session": checkpoint.session, "forklift.node": "root", "forklift.role": "checkpoint" });
      const ps = await driver().exec(sandbox, { command: ["ps", "-o", "pid=,user=,args=", "-p", "1"] });
      expect(ps.stdout.text).toMatch(/^\s*1 \S+\s+\/sbin\/docker-init -- sleep infinity/);
    } finally {
      await driver().destroy(sandbox);
    }
  });
});

it("uses test-unique session ids", () => {
  expect(session("x")).toContain(fileSessions);
});
