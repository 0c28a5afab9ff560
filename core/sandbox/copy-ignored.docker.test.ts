// Dependencies without network: git-ignored paths of the host's working tree (node_modules) in the
// base checkpoint before setup; and image builds from a Dockerfile that honour .dockerignore, the
// session's limits, and refuse a Dockerfile outside the repository before uploading anything.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForkliftError } from "../../shared/errors.ts";
import { baseImageName } from "./base-image.ts";
import type { SandboxEvent } from "./index.ts";
import { findLeaks } from "./testing/leak-check.ts";
import { useDriver } from "./testing/test-session.ts";

const { driver, session } = useDriver("copy-ignored");
let scratch: string;
let repo: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "forklift-copy-ignored-"));
  repo = path.join(scratch, "repo");
  await mkdir(path.join(repo, "node_modules/dep/lib"), { recursive: true });
  await mkdir(path.join(repo, "node_modules/.bin"), { recursive: true });
  await writeFile(path.join(repo, ".gitignore"), "node_modules/\n*.bin\n");
  await writeFile(path.join(repo, "index.js"), "console.log(require('dep').answer);\n");
  await writeFile(path.join(repo, "node_modules/dep/package.json"), '{"name":"dep","version":"1.0.0","main":"lib/index.js"}\n');
  await writeFile(path.join(repo, "node_modules/dep/lib/index.js"), "exports.answer = 42;\n");
  await writeFile(path.join(repo, "node_modules/dep/lib/cli.js"), "#!/usr/bin/env node\nconsole.log('dep cli');\n", { mode: 0o755 });
  await symlink("../dep/lib/cli.js", path.join(repo, "node_modules/.bin/dep"));
  await symlink(scratch, path.join(repo, "node_modules/linked-outside"));
  execFileSync("git", ["init", "-q"], { cwd: repo });
  execFileSync("git", ["add", "-A"], { cwd: repo });
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-qm", "app"], { cwd: repo });
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("copyIgnored", () => {
  it("streams node_modules in before setup (no network): links inside kept, links out left out", async () => {
    const id = session("deps");
    const events: SandboxEvent[] = [];
    const checkpoint = await driver().createCheckpoint(
      {
        session: id,
        node: "root",
        repoPath: repo,
        image: baseImageName,
        copyIgnored: { root: repo, paths: ["node_modules"] },
        // setup sees the dependencies, and has no network to fetch them anyway
        setup: ["node index.js > setup-saw.txt && node_modules/.bin/dep >> setup-saw.txt"],
      },
      (event) => events.push(event),
    );
    const sandbox = await driver().fork(checkpoint, { node: "fork" });
    try {
      const result = await driver().exec(sandbox, {
        command: "cat setup-saw.txt; readlink node_modules/.bin/dep; stat -c '%a %U' node_modules/dep/lib/cli.js; test -e node_modules/linked-outside || echo no-outside-link; ls -a",
      });
      expect(result.status).toBe("exited");
      expect(result.stdout.text.split("\n").slice(0, 5)).toEqual(["42", "dep cli", "../dep/lib/cli.js", "755 forklift", "no-outside-link"]);
      expect(result.stdout.text).toContain("node_modules");
    } finally {
      await driver().destroy(sandbox);
    }
    const copying = events.find((event) => event.type === "checkpoint" && event.phase === "copying-ignored");
    expect(copying).toMatchObject({ detail: expect.stringMatching(/^node_modules: 3 files, 0\.0 MiB; 1 symbolic link\(s\) leading out of the repository left out: node_modules\/linked-outside$/) });
    await driver().removeCheckpoint(checkpoint);
    expect(await findLeaks(driver().client, id)).toEqual([]);
  });
});

describe("building from a Dockerfile", () => {
  it("sends a context without what .dockerignore excludes, and runs the build's containers within the limits", async () => {
    const context = path.join(scratch, "context");
    await mkdir(path.join(context, "node_modules/big"), { recursive: true });
    await mkdir(path.join(context, "docker"), { recursive: true });
    await writeFile(path.join(context, "node_modules/big/blob.txt"), "x".repeat(1024));
    await writeFile(path.join(context, "secret.env"), "TOKEN=1\n");
    await writeFile(path.join(context, "keep.txt"), "kept\n");
    await writeFile(path.join(context, ".dockerignore"), "node_modules\n*.env\ndocker\n");
    await writeFile(
      path.join(context, "docker/Dockerfile"),
      `FROM ${baseImageName}\nCOPY . /home/forklift/ctx\nRUN find /home/forklift/ctx | sort && (cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes)\n`,
    );
    const id = session("build");
    const lines: string[] = [];
    const limits = { memoryBytes: 700 * 1024 ** 2, cpus: 1, pids: 256 };
    await driver().ensureImage({ name: `forklift-test/${id}:1`, build: { context, dockerfile: "docker/Dockerfile", limits }, session: id }, (event) => {
      if (event.type === "image-build") lines.push(...event.text.split("\n").map((line) => line.trim()));
    });
    const listed = lines.filter((line) => line.startsWith("/home/forklift/ctx"));
    // (the daemon's COPY applies .dockerignore too; what is uploaded is tested on packDirectory itself)
    expect(listed).toEqual(["/home/forklift/ctx", "/home/forklift/ctx/.dockerignore", "/home/forklift/ctx/docker", "/home/forklift/ctx/keep.txt"]);
    expect(lines).toContain(String(limits.memoryBytes));
    const report = await driver().gc({}, { onlySessions: [id] });
    expect(report.failed).toEqual([]);
    expect(await findLeaks(driver().client, id)).toEqual([]);
  });

  it("refuses a Dockerfile outside the context before uploading it", async () => {
    const context = path.join(scratch, "context2");
    await mkdir(context, { recursive: true });
    await writeFile(path.join(scratch, "Dockerfile"), `FROM ${baseImageName}\n`);
    await symlink("../Dockerfile", path.join(context, "Dockerfile.link"));
    const id = session("outside");
    for (const dockerfile of ["../Dockerfile", "Dockerfile.link"]) {
      const error = await driver().ensureImage({ name: `forklift-test/${id}:1`, build: { context, dockerfile }, session: id }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ForkliftError);
      expect((error as ForkliftError).code).toBe("invalid-spec");
      expect((error as ForkliftError).message).toBe(
        `the Dockerfile ${dockerfile} is outside the repository ${context}: put it in the repository and name it by a path relative to its root (sandbox.dockerfile)`,
      );
    }
    const missing = await driver().ensureImage({ name: `forklift-test/${id}:1`, build: { context, dockerfile: "nope/Dockerfile" } }).catch((caught: unknown) => caught);
    expect((missing as ForkliftError).message).toMatch(/^the Dockerfile nope\/Dockerfile does not exist in .*: check sandbox\.dockerfile/);
  });
});
