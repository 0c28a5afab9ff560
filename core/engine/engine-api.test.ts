// The engine's API on the host runner: reproducible recipe runs, the user's moves (pin, prune,
// expand with a hint, manual edits), diffs, export and apply, pause and resume.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Tree } from "../../shared/domain/tree.ts";
import { descendants } from "../../shared/domain/tree-navigation.ts";
import { applyTreeDelta } from "../../shared/domain/apply-tree-delta.ts";
import { ForkliftError } from "../../shared/errors.ts";
import { startScriptedOpenAiServer } from "../generators/testing/scripted-openai-server.ts";
import { makeSampleRepo } from "../sandbox/testing/sample-repo.ts";
import type { TempRepo } from "../sandbox/testing/sample-repo.ts";
import { emptyProvenance } from "../generators/index.ts";
import { recordChildren } from "../search/record-children.ts";
import { getTree, openStore, updateNode, updateSession } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { tempStoreDir } from "../store/testing/temp-store.ts";
import { createEngine } from "./create-engine.ts";
import type { Engine } from "./create-engine.ts";
import { correctReply } from "./testing/sample-replies.ts";
import { llmGenerators, recipeGenerators, writeSampleSpec } from "./testing/sample-spec.ts";

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

/** The tree without its random ids and times: what two runs of the same recipe must share. */
function shape(tree: Tree): string[] {
  const lineage = (id: string | undefined): string => {
    const node = id === undefined ? undefined : tree.nodes[id];
    return node ? `${lineage(node.parentId)}/${node.changesetHash.slice(0, 12)}` : "";
  };
  return Object.values(tree.nodes)
    .map((node) => `${lineage(node.id)} ${node.state} ${node.score?.value ?? "-"} ${node.votes} ${JSON.stringify(node.hypothesis)}`)
    .sort();
}

describe("engine API", () => {
  it("repeats a recipe run with a seed exactly, and streams deltas that rebuild the tree", async () => {
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 2, hypothesesPerNode: 3, seed: 11 });
    const first = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    let mirror: Tree | undefined;
    const unsubscribe = engine.events.subscribe((event) => {
      if (event.name !== "tree/delta" || !mirror) return;
      mirror = applyTreeDelta(mirror, event.payload);
    });
    mirror = { ...getTree(store, first.id) };
    expect((await engine.settled(first.id)).reason).toMatch(/^solution/);
    const second = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    await engine.settled(second.id);
    unsubscribe();
    const one = getTree(store, first.id);
    expect(shape(getTree(store, second.id))).toEqual(shape(one));
    expect(mirror.nodes).toEqual(one.nodes);
  }, 60_000);

  it("pins, prunes a subtree, adds manual edits, and diffs, exports and applies a node", async () => {
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 2, maxDepth: 1 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    await engine.settled(session.id);
    let tree = getTree(store, session.id);
    const root = Object.values(tree.nodes).find((node) => node.depth === 0)!;
    const [a, b] = Object.values(tree.nodes).filter((node) => node.depth === 1);
    expect(a && b).toBeTruthy();
    expect((await engine.api["node/pin"]({ nodeId: a!.id })).pinned).toBe(true);
    expect((await engine.api["node/unpin"]({ nodeId: a!.id })).pinned).toBe(false);

    // a manual edit: whole files; then SEARCH/REPLACE text that does not apply
    const before = (await engine.api["node/diff"]({ nodeId: b!.id, against: "root" })).files;
    const manual = await engine.api["node/addManualEdit"]({ parentId: root.id, editBlocks: correctReply });
    const refused = await engine.api["node/addManualEdit"]({ parentId: root.id, editBlocks: "src/inventory.js\n<<<<<<< SEARCH\nnot there\n=======\nx\n>>>>>>> REPLACE\n" });
    expect(refused.state).toBe("invalid");
    expect(refused.reason).toMatch(/SEARCH/);
    await expect(engine.api["node/addManualEdit"]({ parentId: root.id, changes: { "../escape.js": "x" } })).rejects.toMatchObject({ code: "path-outside-repo" });
    await engine.settled(session.id);
    tree = getTree(store, session.id);
    expect(tree.nodes[manual.id]).toMatchObject({ state: "scored", score: { sitesLeft: 0, gatesHeld: true }, hypothesis: { kind: "manual" } });
    expect(before.length).toBeGreaterThan(0);

    // the same edit again votes for the node instead of adding one
    const again = await engine.api["node/addManualEdit"]({ parentId: root.id, editBlocks: correctReply });
    expect(again.id).toBe(manual.id);
    expect(again.votes).toBe(2);

    // diff against parent and root, export with provenance, apply on a new branch
    const diff = await engine.api["node/diff"]({ nodeId: manual.id, against: "parent" });
    expect(diff.files.map((file) => file.path)).toEqual(["src/inventory.js", "src/report.js"]);
    const exported = await engine.api["node/export"]({ nodeId: manual.id });
    expect(exported.patch).toMatch(/^Forklift patch: console-to-logger-test\n/);
    const patchFile = path.join(temp.dir, exported.fileName);
    writeFileSync(patchFile, exported.patch);
    execFileSync("git", ["apply", "--check", patchFile], { cwd: repo.path });

    writeFileSync(path.join(repo.path, "scratch.txt"), "unsaved work\n");
    await expect(engine.api["node/apply"]({ nodeId: manual.id })).rejects.toMatchObject({ code: "repo-dirty" });
    execFileSync("rm", [path.join(repo.path, "scratch.txt")]);
    const head = await repo.git("rev-parse", "HEAD");
    const applied = await engine.api["node/apply"]({ nodeId: manual.id });
    expect(applied.branch).toBe(`forklift/${session.id.slice(0, 8)}`);
    expect(await repo.git("rev-parse", "HEAD")).toBe(head);
    expect(await repo.git("status", "--porcelain")).toBe("");
    expect(await repo.git("show", `${applied.branch}:src/report.js`)).toContain('logger.info("report lines", { count: lines.length });');

    // prune a subtree: every node in it pruned, the records kept
    await engine.api["node/addManualEdit"]({ parentId: a!.id, changes: { "src/extra.js": "export const extra = 1;\n" } });
    await engine.settled(session.id);
    const pruned = await engine.api["node/prune"]({ nodeId: a!.id });
    expect(pruned).toMatchObject({ state: "pruned", reason: "pruned by the user" });
    tree = getTree(store, session.id);
    expect(descendants(tree, a!.id).map((node) => node.state)).toEqual(["pruned"]);
    await expect(engine.api["node/prune"]({ nodeId: root.id })).rejects.toBeInstanceOf(ForkliftError);
  }, 60_000);

  it("expands a node on request with the user's hint for the LLM", async () => {
    const server = await startScriptedOpenAiServer({ replies: () => ({ kind: "text", content: correctReply }) });
    try {
      const specPath = writeSampleSpec({ generators: `${recipeGenerators}\n${llmGenerators(server.baseUrl)}`, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 1 });
      const session = await engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["recipe"] });
      await engine.settled(session.id);
      // the session runs only the recipe: a hint needs the LLM, which it does not use
      const root = Object.values(getTree(store, session.id).nodes).find((node) => node.depth === 0)!;
      await expect(engine.api["node/expand"]({ nodeId: root.id, hint: "use named fields" })).rejects.toMatchObject({ code: "llm-not-configured" });

      const withLlm = await engine.api["session/start"]({ specPath, repoPath: repo.path, generators: ["recipe", "llm"] });
      await engine.settled(withLlm.id);
      const llmRoot = Object.values(getTree(store, withLlm.id).nodes).find((node) => node.depth === 0)!;
      const { nodeIds } = await engine.api["node/expand"]({ nodeId: llmRoot.id, hint: "use named fields", count: 1 });
      await engine.settled(withLlm.id);
      const asked = server.chatRequests().at(-1)?.body?.messages[1]?.content ?? "";
      expect(asked).toContain("Hint from the user: use named fields");
      // the hinted reply equals the automatic LLM child: it votes for it
      const tree = getTree(store, withLlm.id);
      const node = tree.nodes[nodeIds[0] ?? ""] ?? Object.values(tree.nodes).find((n) => n.hypothesis.kind === "llm");
      expect(node?.votes).toBeGreaterThanOrEqual(1);
      expect(Object.values(tree.nodes).filter((n) => n.hypothesis.kind === "llm" && n.votes === 2)).toHaveLength(1);
    } finally {
      await server.close();
    }
  }, 60_000);

  it("says in one line when a session's repository is gone", async () => {
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 1 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    await engine.settled(session.id);
    await engine.close();
    await repo.remove();
    engine = createEngine({ store, sandbox: { kind: "host" }, env: {} });
    const root = Object.values(getTree(store, session.id).nodes).find((node) => node.depth === 0)!;
    await expect(engine.api["node/expand"]({ nodeId: root.id })).rejects.toMatchObject({ code: "repo-missing", message: expect.stringMatching(/is gone: restore it there, or start a new session$/) });
  }, 60_000);

  it("checks again on resume what the infrastructure kept from being judged", async () => {
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 1, hypothesesPerNode: 1, maxDepth: 1 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    await engine.settled(session.id);
    const root = Object.values(getTree(store, session.id).nodes).find((node) => node.depth === 0)!;
    // a hypothesis whose sandbox failed, and one whose endpoint failed (no changes)
    const faulted = recordChildren(store, session.id, root.id, [
      { kind: "valid", sample: 0, changes: { "src/report.js": "export const report = () => '';\n" }, source: { kind: "manual" }, provenance: emptyProvenance("manual") },
      { kind: "invalid", sample: 1, reason: { kind: "endpoint-error", message: "HTTP 500" }, source: { kind: "llm", editBlocks: "" }, provenance: emptyProvenance("llm") },
    ]).nodes;
    updateNode(store, faulted[0]!.id, { state: "failed-infra", reason: "could not be judged (oom-killed): tests" });
    updateSession(store, session.id, { status: "paused" });
    await engine.api["session/resume"]({ sessionId: session.id });
    await engine.settled(session.id);
    const tree = getTree(store, session.id);
    expect(tree.nodes[faulted[0]!.id]?.state).toBe("invalid"); // judged this time: it breaks the report test
    expect(tree.nodes[faulted[1]!.id]?.state).toBe("failed-infra");
  }, 60_000);

  it("pauses and resumes without repeating an expansion", async () => {
    const specPath = writeSampleSpec({ generators: recipeGenerators, beamWidth: 2, hypothesesPerNode: 2, sitesPerStep: 1, maxDepth: 8 });
    const session = await engine.api["session/start"]({ specPath, repoPath: repo.path });
    await new Promise<void>((resolve) => {
      const stop = engine.events.subscribe((event) => {
        if (event.name === "tree/delta" && event.payload.kind === "node-added" && event.payload.node.depth >= 1) {
          stop();
          resolve();
        }
      });
    });
    const paused = await engine.api["session/pause"]({ sessionId: session.id });
    expect(paused.status).toBe("paused");
    const resumed = await engine.api["session/resume"]({ sessionId: session.id });
    expect(resumed.status).toBe("running");
    const done = await engine.settled(session.id);
    expect(done.reason).toMatch(/^solution/);
    const tree = getTree(store, session.id);
    for (const node of Object.values(tree.nodes)) {
      const siblings = Object.values(tree.nodes).filter((other) => other.parentId === node.parentId && other.parentId !== undefined);
      expect(new Set(siblings.map((sibling) => sibling.changesetHash)).size).toBe(siblings.length);
    }
  }, 60_000);
});
