import { afterEach, describe, expect, it } from "vitest";
import { testNode, testSession } from "../../../shared/domain/testing/domain-fixtures.ts";
import { requestPrune, applyNode } from "../inspector/node-actions.ts";
import { selectNode } from "../inspector/selection-actions.ts";
import { useStudio } from "../store/studio-store.ts";
import { scriptedEngine } from "../testing/scripted-engine.ts";
import { flushDeltas } from "../trees/tree-actions.ts";
import { createEngineLink } from "./engine-link.ts";
import type { LinkTiming } from "./engine-link.ts";
import { wireEngine } from "./wire-engine.ts";

const initial = useStudio.getState();
let disconnect: (() => void) | undefined;

afterEach(() => {
  disconnect?.();
  useStudio.setState(initial, true);
});

/** Waits until the store satisfies `test` (the engine answers asynchronously). */
async function until(test: (state: ReturnType<typeof useStudio.getState>) => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    flushDeltas();
    if (test(useStudio.getState())) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error("the store never got there");
}

const timing: LinkTiming = { delay: () => 0, setTimer: (callback) => (setTimeout(callback, 0), () => {}), now: () => 0 };

function start() {
  const older = testSession({ id: "old", createdAt: 1 });
  const newer = testSession({ id: "s1", createdAt: 2 });
  const engine = scriptedEngine(
    [newer, older],
    [testNode("r", undefined), testNode("a", "r", { depth: 1, checks: [{ name: "tests", mode: "gate", status: "passed", newFailures: 0, fixedFailures: 0, baselineFailures: 0, durationMs: 5 }] })],
  );
  disconnect = wireEngine(createEngineLink(engine.dialer, timing), { demo: false });
  return engine;
}

describe("the store as a projection of the engine", () => {
  it("opens on the newest session and follows its tree through deltas", async () => {
    const engine = start();
    await until((state) => state.trees.s1?.kind === "ready");
    expect(useStudio.getState().activeSessionId).toBe("s1");
    expect(useStudio.getState().connection).toEqual({ kind: "open", via: "websocket" });
    engine.change({ kind: "node-added", node: testNode("b", "a", { depth: 2, state: "pending" }) });
    engine.change({ kind: "session-updated", session: testSession({ id: "s1", status: "paused", updatedAt: 9 }) });
    await until((state) => {
      const entry = state.trees.s1;
      return entry?.kind === "ready" && entry.tree.nodes.b !== undefined && entry.tree.session.status === "paused";
    });
    const sessions = useStudio.getState().sessions;
    expect(sessions.kind === "ready" && sessions.value.find((session) => session.id === "s1")?.status).toBe("paused");
  });

  it("after the line drops, resyncs the tree with tree/get so missed deltas are not lost", async () => {
    const engine = start();
    await until((state) => state.trees.s1?.kind === "ready");
    engine.drop();
    engine.change({ kind: "node-added", node: testNode("missed", "a", { depth: 2 }) }, { silently: true });
    await until((state) => {
      const entry = state.trees.s1;
      return state.connection.kind === "open" && entry?.kind === "ready" && entry.tree.nodes.missed !== undefined;
    });
    expect(engine.calls.filter((call) => call.method === "tree/get")).toHaveLength(2);
  });

  it("reloads a tree a delta no longer fits (an event was missed without a reconnect)", async () => {
    const engine = start();
    await until((state) => state.trees.s1?.kind === "ready");
    engine.change({ kind: "node-added", node: testNode("gap", "a", { depth: 2 }) }, { silently: true });
    engine.change({ kind: "node-added", node: testNode("child-of-gap", "gap", { depth: 3 }) });
    await until((state) => {
      const entry = state.trees.s1;
      return entry?.kind === "ready" && entry.tree.nodes["child-of-gap"] !== undefined && entry.tree.nodes.gap !== undefined;
    });
  });

  it("selecting a node loads its diff and checks; a prune is asked first and shows when the engine's delta comes", async () => {
    const engine = start();
    await until((state) => state.trees.s1?.kind === "ready");
    selectNode("a");
    await until((state) => state.diff?.data.kind === "ready" && state.checks?.data.kind === "ready");
    expect(useStudio.getState().diffFile).toBe("src/a.ts");
    requestPrune("a");
    expect(engine.calls.some((call) => call.method === "node/prune")).toBe(false);
    useStudio.getState().confirmation?.onConfirm();
    await until((state) => {
      const entry = state.trees.s1;
      return entry?.kind === "ready" && entry.tree.nodes.a?.state === "pruned";
    });
    expect(engine.calls.find((call) => call.method === "node/prune")?.request).toEqual({ nodeId: "a", reason: "pruned by the user" });
  });

  it("drops a diff that answers for a node no longer selected", async () => {
    start();
    await until((state) => state.trees.s1?.kind === "ready");
    selectNode("a");
    selectNode("r");
    await until((state) => state.diff?.data.kind === "ready");
    expect(useStudio.getState().diff?.nodeId).toBe("r");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(useStudio.getState().diff?.nodeId).toBe("r");
  });

  it("shows an apply the repository refused with the engine's code and reason", async () => {
    start();
    await until((state) => state.trees.s1?.kind === "ready");
    await applyNode("a", "");
    expect(useStudio.getState().applied).toEqual({
      nodeId: "a",
      data: { kind: "error", error: { code: "repo-dirty", message: "the repository has uncommitted changes: commit or stash them first" } },
    });
  });
});

describe("the inspected node", () => {
  it("reloads its checks when the engine reports it judged", async () => {
    const engine = start();
    await until((state) => state.trees.s1?.kind === "ready");
    selectNode("a");
    await until((state) => state.checks?.data.kind === "ready");
    const before = engine.calls.filter((call) => call.method === "node/checks").length;
    engine.change({ kind: "node-updated", node: testNode("a", "r", { depth: 1, state: "invalid", reason: "tests: 1 new failure" }) });
    await until(() => engine.calls.filter((call) => call.method === "node/checks").length === before + 1);
  });
});
