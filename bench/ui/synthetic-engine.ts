/**
 * The engine's API over a synthetic session, for the UI benchmark: a generated fork tree (shaped
 * like a beam search, see renderer/src/tree/testing/synthetic-beam-tree.ts), diffs of generated
 * TypeScript files that change with depth, and `tree/delta` events the benchmark pushes when it
 * chooses. Everything the studio asks when it opens a session answers; changing things (pin,
 * prune, start…) answers with a coded error, since there is no real engine behind it.
 */
import type { Node } from "../../shared/domain/node.ts";
import type { Tree } from "../../shared/domain/tree.ts";
import type { TreeDelta } from "../../shared/domain/tree-delta.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { EngineApi, EngineEvent, FileDiff } from "../../shared/protocol/contract.ts";
import type { EventSource } from "../../shared/protocol/serve-rpc.ts";

/** The synthetic engine and the handle the benchmark drives it with. */
export interface SyntheticEngine {
  readonly api: EngineApi;
  readonly events: EventSource;
  /** Sends events to every subscriber now. */
  emit(events: readonly EngineEvent[]): void;
  /** The tree as the engine holds it (advanced by the deltas emitted). */
  tree(): Tree;
}

const files = ["src/orders/service.ts", "src/cart/total.ts"];

/** A generated source file as it stands at a depth: the first `depth * 2` log calls migrated. */
function fileAt(path: string, depth: number): string {
  const lines = [`import { logger } from "../logger";`, "", `// ${path}: generated for the UI benchmark`];
  for (let k = 0; k < 60; k++) {
    const call = k < depth * 2 ? `logger.info({ step: ${k} }, "step ${k} done")` : `console.log("step ${k} done", ${k})`;
    lines.push(`export function step${k}(input: number): number {`, `  ${call};`, `  return input * ${k + 1};`, "}", "");
  }
  return lines.join("\n");
}

function diffBetween(before: Node | undefined, after: Node): FileDiff[] {
  const from = before?.depth ?? 0;
  if (from === after.depth) return [];
  return files.map((path) => ({ path, before: fileAt(path, from), after: fileAt(path, after.depth) }));
}

/** A unified patch header per file: enough for the studio to show, not meant to apply. */
function patchOf(diffs: FileDiff[]): string {
  return diffs.map((diff) => `--- a/${diff.path}\n+++ b/${diff.path}\n`).join("");
}

/** Creates the engine over `tree`. */
export function createSyntheticEngine(initial: Tree): SyntheticEngine {
  let tree = initial;
  const listeners = new Set<(event: EngineEvent) => void>();
  const node = (id: string) => {
    const found = tree.nodes[id];
    if (!found) throw new ForkliftError("not-found", `no node ${id} in the benchmark's tree`);
    return found;
  };
  const readOnly = (what: string) => async (): Promise<never> => {
    throw new ForkliftError("invalid-input", `the UI benchmark's synthetic engine does not ${what}`);
  };
  const api: EngineApi = {
    "system/status": async () => ({
      docker: { state: "ready", endpoint: "synthetic", version: "benchmark" },
      baseImage: { name: "forklift/node-base:20", state: "present" },
      llm: { state: "configured", baseUrl: "http://127.0.0.1/v1", model: "synthetic" },
      storePath: ":synthetic:",
      version: "0.1.0",
    }),
    "system/checkLlm": async () => ({ ok: true, message: "synthetic endpoint", models: ["synthetic"], latencyMs: 1 }),
    "demo/prepare": readOnly("prepare the demo"),
    "spec/read": async ({ path }) => ({ path, text: `version: 1\nname: ${tree.session.specName}\ngoal: the UI benchmark\n` }),
    "spec/validate": async () => ({ ok: true, diagnostics: [], name: tree.session.specName, goal: "the UI benchmark", generators: ["recipe", "llm"] }),
    "session/start": readOnly("start sessions"),
    "session/list": async () => [tree.session],
    "session/pause": readOnly("pause"),
    "session/resume": readOnly("resume"),
    "session/stop": readOnly("stop"),
    "session/info": async ({ sessionId }) => {
      if (sessionId !== tree.session.id) throw new ForkliftError("not-found", `no session ${sessionId}`);
      return {
        session: tree.session,
        specPath: "/synthetic/spec.yml",
        goal: "Move every service from console.* to the structured logger",
        generators: ["recipe", "llm"],
        budgets: { tokens: 5_000_000, usd: 20, wallMinutes: 240 },
        spent: { tokens: 1_234_567, usd: 4.2, wallMs: 3_600_000 },
        sitesAtRoot: tree.nodes[Object.keys(tree.nodes)[0]!]?.score?.sitesLeft ?? 0,
        live: true,
      };
    },
    "tree/get": async ({ sessionId }) => {
      if (sessionId !== tree.session.id) throw new ForkliftError("not-found", `no session ${sessionId}`);
      return tree;
    },
    "node/pin": async ({ nodeId }) => node(nodeId),
    "node/unpin": async ({ nodeId }) => node(nodeId),
    "node/prune": readOnly("prune"),
    "node/expand": readOnly("expand"),
    "node/addManualEdit": readOnly("edit"),
    "node/diff": async ({ nodeId, against }) => {
      const target = node(nodeId);
      const base = against === "root" || target.parentId === undefined ? undefined : node(target.parentId);
      const diffs = diffBetween(against === "root" ? undefined : base, target);
      return { files: diffs, patch: patchOf(diffs) };
    },
    "node/compare": async ({ leftId, rightId }) => {
      const diffs = diffBetween(node(leftId), node(rightId));
      return { files: diffs, patch: patchOf(diffs) };
    },
    "node/checks": async ({ nodeId }) => ({
      checks: node(nodeId).checks.map((summary) => ({ summary, command: `npm run ${summary.name}`, exitCode: summary.status === "passed" ? 0 : 1, newFailures: [], fixedFailures: [], outputTruncated: false })),
    }),
    "node/export": readOnly("export"),
    "node/apply": readOnly("apply"),
    "sandbox/list": async () => ({ checkpoints: [], containers: [], diskBytes: 0 }),
    "sandbox/gc": async ({ dryRun }) => ({ dryRun, containers: [], images: [], failed: [], reclaimedBytes: 0 }),
    "settings/get": async () => ({ llm: { baseUrl: "http://127.0.0.1/v1", model: "synthetic", hasKey: false, keyStorage: "none" } }),
    "settings/set": readOnly("change settings"),
  };
  return {
    api,
    events: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    emit(events) {
      for (const event of events) {
        if (event.name === "tree/delta") tree = advance(tree, event.payload);
        for (const listener of listeners) listener(event);
      }
    },
    tree: () => tree,
  };
}

/** The engine's own copy of the tree follows the deltas it sends (so tree/get after a burst includes them). */
function advance(tree: Tree, delta: TreeDelta): Tree {
  if (delta.kind === "session-updated") return { ...tree, session: delta.session, seq: delta.seq };
  tree.nodes[delta.node.id] = delta.node;
  return { ...tree, seq: delta.seq };
}
