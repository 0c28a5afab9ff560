// The session commands through the real CLI process (`node bin/forklift.js …`), on the host
// sandbox so no Docker is needed: a run to a solution, tree/show/export/apply on its result, and
// each failure a user meets as one line with its exit code.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeSampleRepo } from "../../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../../sandbox/testing/sample-repo.ts";
import { exitCodes } from "./exit-codes.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const specPath = path.join(root, "examples/specs/console-to-logger.yml");
let repo: TempRepo;
let other: TempRepo;
let work: string;

function forklift(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync("node", [path.join(root, "bin/forklift.js"), ...args], {
    cwd: work,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", FORKLIFT_MODEL: "", ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  repo = await makeSampleRepo();
  other = await makeSampleRepo();
  work = mkdtempSync(path.join(tmpdir(), "forklift-cli-session-"));
});

afterAll(async () => {
  await repo.remove();
  await other.remove();
  rmSync(work, { recursive: true, force: true });
});

describe("forklift run, tree, show, export, apply", () => {
  it("runs the sample app (two repositories at once) to a solution and works on the result", () => {
    const run = forklift(["run", specPath, "--repo", repo.path, "--repo", other.path, "--generators", "recipe", "--sandbox", "host"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(exitCodes.ok);
    expect(run.stdout).toMatch(/REPOSITORY\s+SESSION\s+STATUS\s+RESULT/);
    for (const path of [repo.path, other.path]) expect(run.stdout).toMatch(new RegExp(`\\n${path.split("/").pop()!} +[0-9a-f]{8} +done +solution [0-9a-f]{8} +4→0`));
    const solution = /solution ([0-9a-f]{8})/.exec(run.stdout)?.[1];
    expect(solution).toBeDefined();
    const session = /session ([0-9a-f-]{36}) started/.exec(run.stdout)?.[1] ?? "";
    expect(run.stdout.split("\n").filter((line) => line.includes(`[${session.slice(0, 8)}]`)).length).toBeGreaterThan(1); // plain progress lines

    const tree = forklift(["tree", session.slice(0, 8)]);
    expect(tree.status).toBe(0);
    expect(tree.stdout).toMatch(/^session [0-9a-f]{8} {2}console-to-logger/);
    expect(tree.stdout).toContain(`${solution} recipe`);
    expect(tree.stdout).toContain("SOLUTION");
    expect(forklift(["tree"]).stdout).toContain(session.slice(0, 8));

    const show = forklift(["show", solution!]);
    expect(show.stdout).toMatch(/checks:\n {2}syntax +gate +passed/);
    // the captured output of the check runs, kept in the store
    expect(show.stdout).toMatch(/\ntests: output \(\$ node --test --test-reporter=tap test\/, exit 0\)[^\n]*\n( {2}\| .*\n)+/);
    expect(show.stdout).toContain("  | # pass 3");
    expect(show.stdout).toContain("diff --git a/src/");

    const exported = forklift(["export", solution!, "-o", "m.patch"]);
    expect(exported.stdout).toMatch(/^wrote m\.patch: \d file\(s\) changed/);
    const check = spawnSync("git", ["apply", "--check", path.join(work, "m.patch")], { cwd: repo.path, encoding: "utf8" });
    expect(check.status, check.stderr).toBe(0);

    const applied = forklift(["apply", solution!, "--branch", "migrated"]);
    expect(applied.stdout).toMatch(/^created branch migrated at [0-9a-f]{10}; your working tree is unchanged/);
    expect(forklift(["apply", solution!, "--branch", "migrated"])).toMatchObject({ status: exitCodes.usage, stderr: expect.stringMatching(/^forklift: branch migrated already exists/) });
  }, 120_000);

  it("answers a user's mistakes with one line and the documented exit code", () => {
    writeFileSync(path.join(repo.path, "src", "scratch.js"), "// unsaved\n");
    const dirty = forklift(["run", specPath, "--repo", other.path, "--repo", repo.path, "--sandbox", "host", "-g", "recipe"]);
    expect(dirty.status).toBe(exitCodes.usage);
    expect(dirty.stderr).toMatch(/^forklift: .* has uncommitted changes \(src\/scratch\.js\): commit or stash them, or pass --allow-dirty to migrate them too\n$/);
    expect(dirty.stdout).toBe(""); // no session was started for the clean repository either
    rmSync(path.join(repo.path, "src", "scratch.js"));

    writeFileSync(path.join(work, "bad.yml"), "goal: x\ntargets: 3\n");
    const malformed = forklift(["run", "bad.yml", "--repo", repo.path]);
    expect(malformed).toMatchObject({ status: exitCodes.usage, stderr: expect.stringMatching(/^forklift: .*bad\.yml:2:10: targets: expected a list of target rules, got 3\n$/) });

    const noDocker = forklift(["run", specPath, "--repo", repo.path, "-g", "recipe"], { DOCKER_HOST: "unix:///nonexistent/docker.sock" });
    expect(noDocker.status).toBe(exitCodes.infrastructure);
    expect(noDocker.stderr).toMatch(/^forklift: the Docker daemon is not running .*\n$/);

    const noLlm = forklift(["run", specPath, "--repo", repo.path, "--sandbox", "host"]);
    expect(noLlm.status).toBe(exitCodes.usage);
    expect(noLlm.stderr).toMatch(/OPENAI_API_KEY is not set.*--generators recipe\)\n$/);

    expect(forklift(["show", "ffffffff"])).toMatchObject({ status: exitCodes.usage, stderr: expect.stringMatching(/^forklift: no node ffffffff in /) });
    expect(forklift(["resume", "ffffffff"]).status).toBe(exitCodes.usage);
    expect(forklift(["run", specPath]).status).toBe(exitCodes.usage); // --repo missing
  }, 120_000);
});
