import { describe, expect, it } from "vitest";
import { testNode, testSession, testTree } from "../../../shared/domain/testing/domain-fixtures.ts";
import type { TreeDelta } from "../../../shared/domain/tree-delta.ts";
import { receiveDeltas, receiveTree } from "./tree-entries.ts";
import type { TreeEntries } from "./tree-entries.ts";

const root = testNode("r", undefined);
const added = (seq: number, id: string, parent: string): TreeDelta => ({ kind: "node-added", seq, node: testNode(id, parent) });

describe("tree entries", () => {
  it("buffers deltas while a tree loads and applies only those newer than the loaded tree", () => {
    let entries: TreeEntries = { s1: { kind: "loading", buffered: [] } };
    entries = receiveDeltas(entries, [added(4, "a", "r"), added(6, "b", "a")]).entries;
    const loaded = { ...testTree([root, testNode("a", "r")]), seq: 5 };
    const { entries: after, reload } = receiveTree(entries, loaded);
    expect(reload).toBe(false);
    const entry = after.s1;
    expect(entry?.kind).toBe("ready");
    if (entry?.kind !== "ready") return;
    expect(Object.keys(entry.tree.nodes).sort()).toEqual(["a", "b", "r"]);
    expect(entry.tree.seq).toBe(6);
  });

  it("ignores deltas of sessions nobody follows, keeping the same object", () => {
    const entries: TreeEntries = { s1: { kind: "ready", tree: testTree([root]) } };
    const other: TreeDelta = { kind: "session-updated", seq: 3, session: testSession({ id: "s9" }) };
    expect(receiveDeltas(entries, [other]).entries).toBe(entries);
  });

  it("asks for a reload when a delta does not fit (an event was missed)", () => {
    const entries: TreeEntries = { s1: { kind: "ready", tree: testTree([root]) } };
    const { entries: after, reload } = receiveDeltas(entries, [added(2, "c", "missing-parent")]);
    expect(reload).toEqual(["s1"]);
    expect(after.s1).toEqual({ kind: "loading", buffered: [] });
  });

  it("applies a burst to a ready tree in one step", () => {
    const entries: TreeEntries = { s1: { kind: "ready", tree: testTree([root]) } };
    const burst = Array.from({ length: 500 }, (_, i) => added(i + 1, `n${i}`, i === 0 ? "r" : `n${i - 1}`));
    const { entries: after } = receiveDeltas(entries, burst);
    const entry = after.s1;
    expect(entry?.kind === "ready" && Object.keys(entry.tree.nodes).length).toBe(501);
  });
});
