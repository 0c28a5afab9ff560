import { describe, expect, it } from "vitest";
import { applyTreeDelta } from "./apply-tree-delta.ts";
import { applyTreeDeltas } from "./apply-tree-deltas.ts";
import { testNode, testSession, testTree } from "./testing/domain-fixtures.ts";
import type { TreeDelta } from "./tree-delta.ts";

describe("applyTreeDeltas", () => {
  const root = testNode("r", undefined);

  it("applies a batch in order: a node added then updated ends updated, the old tree untouched", () => {
    const before = testTree([root]);
    const deltas: TreeDelta[] = [
      { kind: "node-added", seq: 1, node: testNode("a", "r", { state: "pending" }) },
      { kind: "node-added", seq: 2, node: testNode("b", "a", { state: "pending" }) },
      { kind: "node-updated", seq: 3, node: testNode("a", "r", { state: "invalid", reason: "no match" }) },
      { kind: "session-updated", seq: 4, session: testSession({ status: "paused" }) },
    ];
    const after = applyTreeDeltas(before, deltas);
    expect(after.nodes.a?.state).toBe("invalid");
    expect(after.nodes.b?.parentId).toBe("a");
    expect(after.nodes.r).toBe(root);
    expect(after.session.status).toBe("paused");
    expect(after.seq).toBe(4);
    expect(before.nodes.a).toBeUndefined();
    expect(before.session.status).toBe("running");
  });

  it("returns the same tree when every delta is already included", () => {
    const tree = { ...testTree([root]), seq: 9 };
    expect(applyTreeDeltas(tree, [{ kind: "node-added", seq: 9, node: testNode("a", "r") }])).toBe(tree);
    expect(applyTreeDeltas(tree, [])).toBe(tree);
  });

  it("throws when a node's parent is missing, as one-by-one application does", () => {
    expect(() => applyTreeDeltas(testTree([root]), [{ kind: "node-added", seq: 1, node: testNode("b", "missing") }])).toThrow(/parent missing/);
    expect(() => applyTreeDeltas(testTree([root]), [{ kind: "node-updated", seq: 1, node: testNode("zz", "r") }])).toThrow(/zz/);
  });

  it("gives the same tree as applying the deltas one by one, for random batches", () => {
    // a seeded generator: the same 500 batches on every run (shared/ tests may import vitest only)
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T,>(items: readonly T[]): T => items[random(items.length)] as T;
    const ids = ["a", "b", "c", "d", "e"];
    for (let run = 0; run < 500; run++) {
      const deltas: TreeDelta[] = Array.from({ length: random(30) }, (): TreeDelta => {
        const seq = 1 + random(40);
        const kind = pick(["node-added", "node-updated", "session-updated"] as const);
        if (kind === "session-updated") return { kind, seq, session: testSession({ id: pick(["s1", "s2"]), status: "paused" }) };
        return { kind, seq, node: testNode(pick(ids), pick(["r", ...ids]), { sessionId: pick(["s1", "s2"]), state: pick(["pending", "scored", "invalid"] as const) }) };
      });
      const start = testTree([root]);
      const outcome = (apply: () => unknown) => {
        try {
          return apply();
        } catch {
          return "throws";
        }
      };
      expect(outcome(() => applyTreeDeltas(start, deltas))).toEqual(outcome(() => deltas.reduce(applyTreeDelta, start)));
    }
  });
});
