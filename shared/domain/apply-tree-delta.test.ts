import { describe, expect, it } from "vitest";
import { applyTreeDelta } from "./apply-tree-delta.ts";
import { testNode, testSession, testTree } from "./testing/domain-fixtures.ts";
import { TreeDeltaSchema } from "./tree-delta.ts";

describe("applyTreeDelta", () => {
  const root = testNode("r", undefined);

  it("adds a node under its parent and advances seq, leaving the old tree untouched", () => {
    const before = testTree([root]);
    const child = testNode("a", "r", { depth: 1, state: "pending" });
    const after = applyTreeDelta(before, { kind: "node-added", seq: 3, node: child });
    expect(after.nodes.a).toEqual(child);
    expect(after.nodes.r).toBe(root);
    expect(after.seq).toBe(3);
    expect(before.nodes.a).toBeUndefined();
    expect(before.seq).toBe(0);
  });

  it("replaces an updated node whole", () => {
    const tree = testTree([root, testNode("a", "r", { state: "checking" })]);
    const updated = testNode("a", "r", { state: "invalid", reason: "SEARCH block 1 not found" });
    const after = applyTreeDelta(tree, { kind: "node-updated", seq: 1, node: updated });
    expect(after.nodes.a?.state).toBe("invalid");
    expect(after.nodes.a?.reason).toBe("SEARCH block 1 not found");
  });

  it("ignores a delta the tree already includes, so replays after a reconnect are harmless", () => {
    const tree = { ...testTree([root]), seq: 5 };
    const stale = { kind: "node-added", seq: 5, node: testNode("a", "r") } as const;
    expect(applyTreeDelta(tree, stale)).toBe(tree);
  });

  it("only advances seq for another session's deltas", () => {
    const tree = testTree([root]);
    const other = testNode("x", undefined, { sessionId: "s2" });
    const after = applyTreeDelta(tree, { kind: "node-added", seq: 2, node: other });
    expect(after.nodes).toBe(tree.nodes);
    expect(after.seq).toBe(2);
    const otherSession = applyTreeDelta(tree, { kind: "session-updated", seq: 3, session: testSession({ id: "s2" }) });
    expect(otherSession.session).toBe(tree.session);
  });

  it("updates the session", () => {
    const after = applyTreeDelta(testTree([root]), { kind: "session-updated", seq: 1, session: testSession({ status: "paused" }) });
    expect(after.session.status).toBe("paused");
  });

  it("throws when a delta does not fit, so the subscriber reloads the tree", () => {
    const tree = testTree([root]);
    expect(() => applyTreeDelta(tree, { kind: "node-added", seq: 1, node: testNode("b", "missing") })).toThrow(/parent missing/);
    expect(() => applyTreeDelta(tree, { kind: "node-updated", seq: 1, node: testNode("b", "r") })).toThrow(/not in the tree/);
  });

  it("has a wire form that round-trips through JSON and the schema", () => {
    const delta = { kind: "node-added", seq: 1, node: testNode("a", "r", { score: { value: 2, sitesLeft: 1, gatesHeld: true, parts: {} } }) };
    expect(TreeDeltaSchema.parse(JSON.parse(JSON.stringify(delta)))).toEqual(delta);
    expect(TreeDeltaSchema.safeParse({ ...delta, node: { ...delta.node, state: "done" } }).success).toBe(false);
  });
});
