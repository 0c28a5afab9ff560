// session/info, node/compare and node/checks on real recipe runs (host runner, real git, real SQLite).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Node } from "../../shared/domain/node.ts";
import { SessionInfoSchema } from "../../shared/protocol/session-info.ts";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { hostname } from "node:os";
import { acquireLease, getTree, openStore, releaseLease } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { recipeGenerators, writeSampleSpec } from "./testing/sample-spec.ts";

let repo: TempRepo;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine;

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
  store = openStore(temp.file());
  engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
});

afterEach(async () => {
  await engine.close();
  store.close();
  temp.remove();
  await repo.remove();
});

const nodesOf = (sessionId: string): Node[] => Object.values(getTree(store, sessionId).nodes);

describe("session/info", () => {
  it("gives the spec's goal and budgets, what is spent, the sites at the root, and whether a run drives it", async () => {
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 2, maxDepth: 2 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    const running = await engine.api["session/info"]({ sessionId: session.id });
    expect(SessionInfoSchema.parse(running)).toEqual(running);
    expect(running).toMatchObject({ specPath, generators: ["recipe"], live: true, budgets: { wallMinutes: 120 }, goal: expect.stringMatching(/^Replace console.log/) });
    // a recipe session spends no tokens or money: it has no such budget
    expect(running.budgets).not.toHaveProperty("tokens");

    await engine.settled(session.id);
    const done = await engine.api["session/info"]({ sessionId: session.id });
    const root = nodesOf(session.id).find((node) => node.depth === 0)!;
    expect(done.live).toBe(false);
    expect(done.session.status).toBe("done");
    // counted in the root's files while the baseline ran, then taken from its score: the same number
    expect(running.sitesAtRoot).toBe(root.score!.sitesLeft);
    const calls = execFileSync("git", ["grep", "-c", "-E", "console\\.(log|warn|error)\\(", "--", "src"], { cwd: repo.path, encoding: "utf8" });
    expect(done.sitesAtRoot).toBe(calls.trim().split("\n").reduce((sum, line) => sum + Number(line.split(":")[1]), 0));
    expect(done.spent.tokens).toBe(0);
    expect(done.spent.wallMs).toBeGreaterThan(0);
    expect(done.spent.wallMs).toBeGreaterThanOrEqual(running.spent.wallMs);

    // another live process holding the session's lease drives it too (here: a claim in this pid's name)
    acquireLease(store, session.id, { owner: "another-runner", pid: process.pid, host: hostname() }, () => true);
    expect((await engine.api["session/info"]({ sessionId: session.id })).live).toBe(true);
    releaseLease(store, session.id, "another-runner");

    // another engine (a new process) reads the same from the store alone
    const other = createEngine({ store, sandbox: { kind: "host" }, env: {} });
    expect(await other.api["session/info"]({ sessionId: session.id })).toEqual(done);
    await other.close();
    await expect(engine.api["session/info"]({ sessionId: "nope" })).rejects.toMatchObject({ code: "not-found" });
  }, 60_000);

  it("shows the token and money budgets of a session that uses the model", async () => {
    const specPath = writeSampleSpec({ generators: `${recipeGenerators}\n  llm:\n    model: m\n    baseUrl: http://127.0.0.1:9/v1`, tokens: 1234, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 1 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["recipe"] });
    await engine.api["session/stop"]({ sessionId: session.id });
    expect((await engine.api["session/info"]({ sessionId: session.id })).budgets).toEqual({ wallMinutes: 120 });
    const both = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    await engine.api["session/stop"]({ sessionId: both.id });
    const info = await engine.api["session/info"]({ sessionId: both.id });
    expect(info.generators).toEqual(["recipe", "llm"]);
    expect(info.budgets).toEqual({ tokens: 1234, usd: 10, wallMinutes: 120 });
  }, 60_000);
});

describe("node/compare and node/checks", () => {
  it("compares any two nodes of a session, and lists each check of a node with its command", async () => {
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 2, hypothesesPerNode: 3, maxDepth: 2 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    await engine.settled(session.id);
    const nodes = nodesOf(session.id);
    const root = nodes.find((node) => node.depth === 0)!;
    const deep = nodes.find((node) => node.depth === 2)!;
    // a node on another branch than the deep one
    const b = nodes.find((node) => node.depth === 1 && node.id !== deep.parentId);
    expect(deep && b).toBeTruthy();

    // against the root: what node/diff says against the root
    const fromRoot = await engine.api["node/compare"]({ leftId: root.id, rightId: deep.id });
    expect(fromRoot).toEqual(await engine.api["node/diff"]({ nodeId: deep.id, against: "root" }));
    // between two nodes on different branches: left's content before, right's after
    const across = await engine.api["node/compare"]({ leftId: deep.id, rightId: b!.id });
    const leftFiles = Object.fromEntries((await engine.api["node/diff"]({ nodeId: deep.id, against: "root" })).files.map((file) => [file.path, file.after]));
    const rightFiles = Object.fromEntries((await engine.api["node/diff"]({ nodeId: b!.id, against: "root" })).files.map((file) => [file.path, file.after]));
    for (const file of across.files) {
      expect(file.before).toBe(leftFiles[file.path] ?? execFileSync("git", ["show", `HEAD:${file.path}`], { cwd: repo.path, encoding: "utf8" }));
      expect(file.after).toBe(rightFiles[file.path] ?? execFileSync("git", ["show", `HEAD:${file.path}`], { cwd: repo.path, encoding: "utf8" }));
    }
    // the patch takes the left node's files to the right node's: applied on a checkout of the left, it gives the right
    const patchFile = path.join(temp.dir, "across.patch");
    writeFileSync(patchFile, (await engine.api["node/compare"]({ leftId: root.id, rightId: deep.id })).patch);
    execFileSync("git", ["apply", "--check", patchFile], { cwd: repo.path });
    expect((await engine.api["node/compare"]({ leftId: b!.id, rightId: b!.id })).files).toEqual([]);
    const reversed = await engine.api["node/compare"]({ leftId: b!.id, rightId: deep.id });
    expect(reversed.files.map((file) => ({ ...file, before: file.after, after: file.before }))).toEqual(across.files);

    const other = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    await engine.api["session/stop"]({ sessionId: other.id });
    const otherRoot = nodesOf(other.id).find((node) => node.depth === 0)!;
    await expect(engine.api["node/compare"]({ leftId: root.id, rightId: otherRoot.id })).rejects.toMatchObject({ code: "invalid-input", message: expect.stringMatching(/different sessions/) });
    await expect(engine.api["node/compare"]({ leftId: root.id, rightId: "missing" })).rejects.toMatchObject({ code: "not-found" });

    const { checks } = await engine.api["node/checks"]({ nodeId: deep.id });
    expect(checks.map((check) => check.summary)).toEqual(deep.checks);
    expect(checks.find((check) => check.summary.name === "tests")).toMatchObject({ command: "node --test --test-reporter=tap test/", newFailures: [], fixedFailures: [], outputTruncated: false });
    // the captured output the store keeps of each run (the fixed and new failures by name beside it)
    expect(checks.find((check) => check.summary.name === "tests")?.output).toMatch(/^# pass \d+$/m);
    await expect(engine.api["node/checks"]({ nodeId: "missing" })).rejects.toMatchObject({ code: "not-found" });
  }, 60_000);
});
