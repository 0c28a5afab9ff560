import { describe, expect, it } from "vitest";
import { testNode, testTree } from "../../../shared/domain/testing/domain-fixtures.ts";
import { moveInForest } from "./navigate-forest.ts";
import { tidyLayout } from "./tidy-layout.ts";
import { indexTree } from "./tree-index.ts";
import { visibleForest } from "./visible-forest.ts";

// r → a (a1, a2, a3), b (b1)
const tree = testTree([
  testNode("r", undefined),
  testNode("a", "r", { createdAt: 1 }),
  testNode("b", "r", { createdAt: 2 }),
  testNode("a1", "a", { createdAt: 3 }),
  testNode("a2", "a", { createdAt: 4 }),
  testNode("a3", "a", { createdAt: 5 }),
  testNode("b1", "b", { createdAt: 6 }),
]);
const layout = tidyLayout(visibleForest(indexTree(tree), { collapsed: new Set() }));
const move = (from: string, direction: Parameters<typeof moveInForest>[2]) => {
  const to = moveInForest(layout, layout.forest.slot.get(from)!, direction);
  return to === undefined ? undefined : layout.forest.nodes[to]!.id;
};

describe("moveInForest", () => {
  it("goes to the parent, and not above the root", () => {
    expect(move("a2", "parent")).toBe("a");
    expect(move("r", "parent")).toBeUndefined();
  });

  it("goes to the child straight right of a node (the middle one), and nowhere from a leaf", () => {
    expect(move("a", "child")).toBe("a2");
    expect(move("b", "child")).toBe("b1");
    expect(move("a1", "child")).toBeUndefined();
  });

  it("goes up and down among siblings, then across to the neighbouring subtree on the same level", () => {
    expect(move("a1", "next")).toBe("a2");
    expect(move("a2", "previous")).toBe("a1");
    expect(move("a3", "next")).toBe("b1");
    expect(move("b1", "previous")).toBe("a3");
    expect(move("b1", "next")).toBeUndefined();
    expect(move("a1", "previous")).toBeUndefined();
  });
});
