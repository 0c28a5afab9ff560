import { describe, expect, it } from "vitest";
import { testNode, testTree } from "./testing/domain-fixtures.ts";
import { ancestors, children, descendants, rootOf } from "./tree-navigation.ts";

//   r ─┬─ a ─── c
//      └─ b (pruned)
const score = (value: number) => ({ value, sitesLeft: 0, gatesHeld: true, parts: {} });
const tree = testTree([
  testNode("r", undefined),
  testNode("a", "r", { depth: 1, createdAt: 2, score: score(1) }),
  testNode("b", "r", { depth: 1, createdAt: 3, state: "pruned" }),
  testNode("c", "a", { depth: 2, createdAt: 4, score: score(5) }),
]);
const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

describe("tree navigation", () => {
  it("walks up to the root, nearest first", () => {
    expect(ids(ancestors(tree, "c"))).toEqual(["a", "r"]);
    expect(ancestors(tree, "r")).toEqual([]);
    expect(rootOf(tree)?.id).toBe("r");
  });

  it("lists children oldest first and descendants level by level", () => {
    expect(ids(children(tree, "r"))).toEqual(["a", "b"]);
    expect(ids(descendants(tree, "r"))).toEqual(["a", "b", "c"]);
    expect(descendants(tree, "c")).toEqual([]);
  });

  it("throws on an unknown id", () => {
    expect(() => ancestors(tree, "zzz")).toThrow(/not in the tree/);
  });
});
