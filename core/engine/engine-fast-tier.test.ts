// The fast tier inside the search (host runner, a generated TypeScript project): a hypothesis that
// breaks the types is rejected by the warm type-checker without running the slow checks; one that
// keeps them is judged by tsc as a slow check too.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateHypotheses } from "../fastcheck/testing/generate-hypotheses.ts";
import { initGitRepo } from "../fastcheck/testing/init-git-repo.ts";
import { planTsProject } from "../fastcheck/testing/plan-ts-project.ts";
import { hostTypescriptDir, renderTsProject, writeTsProject } from "../fastcheck/testing/write-ts-project.ts";
import { editBlocksForChanges } from "../generators/index.ts";
import { startScriptedOpenAiServer } from "../generators/testing/scripted-openai-server.ts";
import type { ScriptedOpenAiServer } from "../generators/testing/scripted-openai-server.ts";
import { getTree, openStore } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";

let dir: string;
let temp: ReturnType<typeof tempStoreDir>;
let store: Store;
let server: ScriptedOpenAiServer;
let engine: Engine;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "forklift-fast-tier-"));
  temp = tempStoreDir();
  store = openStore(temp.file());
});

afterEach(async () => {
  await engine.close();
  await server.close();
  store.close();
  temp.remove();
  await rm(dir, { recursive: true, force: true });
});

describe("the fast tier in the search", () => {
  it("rejects a type-breaking hypothesis without slow checks and passes a good one on to them", async () => {
    const plan = planTsProject({ files: 8, seed: 3 });
    await writeTsProject(dir, plan, { typescript: "none" });
    await initGitRepo(dir);
    const before = renderTsProject(plan);
    const [broken, good] = [
      generateHypotheses(plan, { count: 40, seed: 5 }).find((h) => h.expectsErrors && h.kind === "wrong-argument-type")!,
      generateHypotheses(plan, { count: 40, seed: 5 }).find((h) => !h.expectsErrors && h.kind === "comment")!,
    ];
    const replies = [editBlocksForChanges(before, broken.changes), editBlocksForChanges(before, good.changes)];
    server = await startScriptedOpenAiServer({
      replies: (request) => ({ kind: "text", content: replies[Number(/\(Sample (\d+) of/.exec(request.body?.messages[1]?.content ?? "")?.[1] ?? "1") - 1] ?? "" }),
    });
    const spec = path.join(dir, "..", `${path.basename(dir)}.yml`);
    await writeFile(
      spec,
      `name: fast-tier
goal: Improve the modules.
targets:
  - { id: totals, language: TypeScript, rule: { pattern: "export const $V: number = $E" } }
sandbox:
  setup: ["ln -s ${path.dirname(hostTypescriptDir)} node_modules"]
checks:
  - { name: typecheck, command: node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json, parser: tsc, timeoutSec: 120 }
  - { name: declarations, command: node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json --declaration, parser: exit-code, timeoutSec: 120 }
search: { beamWidth: 1, hypothesesPerNode: 2, maxDepth: 1, patienceDepths: 1 }
generators:
  llm: { model: scripted-model, baseUrl: "${server.baseUrl}" }
`,
    );
    engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
    const session = await engine.api["session/start"]({ specPath: spec, repoPath: dir });
    await engine.settled(session.id);
    await rm(spec, { force: true });
    expect(engine.failure(session.id)).toBeUndefined();
    const children = Object.values(getTree(store, session.id).nodes).filter((node) => node.depth === 1);
    const rejected = children.find((node) => node.state === "invalid");
    expect(rejected?.checks.map((check) => `${check.name} ${check.status}`)).toEqual(["typecheck:fast failed"]);
    expect(rejected?.reason).toMatch(/^gate typecheck:fast: 1 new type error — src\/.*TS2345/);
    const passed = children.find((node) => node.state === "scored");
    // the tsc check of the same project is answered by the fast tier; the other check still runs
    expect(passed?.checks.map((check) => `${check.name} ${check.status}`)).toEqual(["typecheck:fast passed", "typecheck skipped", "declarations passed"]);
  }, 90_000);
});
