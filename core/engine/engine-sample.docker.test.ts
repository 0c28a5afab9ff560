// End to end on Docker: the sample app migrated by the console-to-logger spec, once with the
// recipe generator and once with a scripted LLM; each exported patch applies to the original
// repository and its tests pass there. Nothing of a finished session is left in Docker.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startScriptedOpenAiServer } from "../generators/testing/scripted-openai-server.ts";
import { findLeaks } from "../sandbox/testing/leak-check.ts";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { useDriver } from "../sandbox/testing/test-session.ts";
import { getTree, openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { correctReply } from "./testing/sample-replies.ts";

const run = promisify(execFile);
const specPath = fileURLToPath(new URL("../../examples/specs/console-to-logger.yml", import.meta.url));
const { driver, session } = useDriver("engine-sample");

let repo: TempRepo;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let engine: Engine | undefined;

beforeEach(async () => {
  repo = await makeSampleRepo();
  temp = tempStoreDir();
  store = openStore(temp.file());
});

afterEach(async () => {
  await engine?.close();
  engine = undefined;
  store.close();
  temp.remove();
  await repo.remove();
});

/** Exports the node, checks the patch applies to the original repository, applies it in a copy and runs `npm test` there. */
async function exportAndTest(nodeId: string): Promise<void> {
  const { patch } = await engine!.api["node/export"]({ nodeId });
  const file = path.join(temp.dir, "migration.patch");
  await writeFile(file, patch);
  await run("git", ["apply", "--check", file], { cwd: repo.path });
  const copy = await mkdtemp(path.join(tmpdir(), "forklift-applied-"));
  try {
    await run("git", ["clone", "-q", repo.path, copy]);
    await run("git", ["apply", file], { cwd: copy });
    const { stdout } = await run("git", ["diff", "--stat"], { cwd: copy });
    expect(stdout).toContain("src/inventory.js");
    await run("npm", ["test"], { cwd: copy }); // throws on a non-zero exit
    const { stdout: left } = await run("grep", ["-rc", "console\\.", "src/"], { cwd: copy }).catch((error: { stdout: string }) => error);
    expect(left.split("\n").filter((line) => !line.endsWith(":0") && line !== "")).toEqual([]);
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

describe("the sample app on Docker", () => {
  it("reaches a solution with the recipe generator; the patch applies and the tests pass", async () => {
    engine = createEngine({ store, sandbox: { kind: "docker", driver: driver() }, labelPrefix: session("recipe"), env: {} });
    const started = await engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["recipe"] });
    const done = await engine.settled(started.id);
    expect(engine.failure(started.id)).toBeUndefined();
    expect(done.reason).toMatch(/^solution: node /);
    const solution = done.reason!.replace("solution: node ", "");
    await exportAndTest(solution);
    const nodes = Object.values(getTree(store, started.id).nodes);
    expect(nodes.every((node) => node.checkpointImageId === undefined)).toBe(true);
    expect(await findLeaks(driver().client, session("recipe"))).toEqual([]);
  });

  it("reaches a solution with a scripted LLM; identical samples vote; the patch applies and the tests pass", async () => {
    const server = await startScriptedOpenAiServer({ replies: () => ({ kind: "text", content: correctReply }) });
    try {
      engine = createEngine({ store, sandbox: { kind: "docker", driver: driver() }, labelPrefix: session("llm"), env: { OPENAI_BASE_URL: server.baseUrl } });
      const started = await engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["llm"] });
      const done = await engine.settled(started.id);
      expect(engine.failure(started.id)).toBeUndefined();
      expect(done.reason).toMatch(/^solution: node /);
      const solution = getTree(store, started.id).nodes[done.reason!.replace("solution: node ", "")]!;
      expect(solution).toMatchObject({ depth: 1, votes: 4, hypothesis: { kind: "llm" }, provenance: { model: "gpt-4o-mini" } });
      // judged by core/checks + core/score: baseline-relative checks, sites from the root, the diff's size
      expect(Object.keys(solution.score!.parts).sort()).toEqual(["diff", "sites", "syntax", "tests"]);
      expect(solution.score!.parts.sites).toBe(40);
      expect(solution.checks.map((check) => `${check.name} ${check.status}`)).toEqual(["syntax passed", "tests passed"]);
      await exportAndTest(solution.id);
    } finally {
      await server.close();
    }
  });
});
