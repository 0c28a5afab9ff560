import { describe, expect, it } from "vitest";
import { testNode, testTree } from "../../../shared/domain/testing/domain-fixtures.ts";
import { syntheticBeamTree } from "./testing/synthetic-beam-tree.ts";
import { tidyLayout } from "./tidy-layout.ts";
import type { TidyLayout } from "./tidy-layout.ts";
import { indexTree } from "./tree-index.ts";
import { visibleForest } from "./visible-forest.ts";

const none = new Set<string>();
const layoutOf = (tree: ReturnType<typeof testTree>, collapsed: ReadonlySet<string> = none) => tidyLayout(visibleForest(indexTree(tree), { collapsed }));
const at = (layout: TidyLayout, id: string) => layout.breadth[layout.forest.slot.get(id)!]!;

/** Every pair of neighbours on one level is at least one row apart, in order (no overlap, no crossing). */
function expectNoOverlap(layout: TidyLayout): void {
  const { depth } = layout.forest;
  for (let v = 1; v < layout.forest.nodes.length; v++) {
    if (depth[v] !== depth[v - 1]) continue;
    expect(layout.breadth[v]! - layout.breadth[v - 1]!).toBeGreaterThanOrEqual(1 - 1e-9);
  }
}

describe("tidyLayout", () => {
  it("puts a parent midway between its first and last child, and siblings one row apart", () => {
    const tree = testTree([
      testNode("r", undefined),
      testNode("a", "r", { depth: 1, createdAt: 1 }),
      testNode("b", "r", { depth: 1, createdAt: 2 }),
      testNode("c", "r", { depth: 1, createdAt: 3 }),
    ]);
    const layout = layoutOf(tree);
    expect([at(layout, "a"), at(layout, "b"), at(layout, "c")]).toEqual([0, 1, 2]);
    expect(at(layout, "r")).toBe(1);
    expect(layout.rows).toBe(2);
    expect(layout.levels).toBe(1);
  });

  it("packs a deep subtree beside its short neighbours instead of below all of them", () => {
    // r has leaves a, b and a chain c → c1 → c2 with three children: c's subtree only meets a and b at depth 1
    const nodes = [testNode("r", undefined), testNode("a", "r", { createdAt: 1 }), testNode("b", "r", { createdAt: 2 }), testNode("c", "r", { createdAt: 3 })];
    nodes.push(testNode("c1", "c", { createdAt: 4 }), testNode("c2", "c1", { createdAt: 5 }));
    for (let k = 0; k < 3; k++) nodes.push(testNode(`k${k}`, "c2", { createdAt: 6 + k }));
    const layout = layoutOf(testTree(nodes));
    expectNoOverlap(layout);
    // the three grandchildren of c2 span two rows around c2, which sits at c's row: no wider than needed
    expect(layout.rows).toBeLessThanOrEqual(3);
  });

  it("never overlaps subtrees and keeps parents centred on a 10,000-node beam-search tree, in linear time", () => {
    const tree = syntheticBeamTree({ nodes: 10_000, seed: 7 });
    const started = performance.now();
    const layout = tidyLayout(visibleForest(indexTree(tree), { collapsed: none }));
    const elapsed = performance.now() - started;
    expect(layout.forest.nodes.length).toBe(Object.keys(tree.nodes).length);
    expectNoOverlap(layout);
    const { firstKid, kidCount } = layout.forest;
    for (let v = 0; v < layout.forest.nodes.length; v++) {
      if (kidCount[v] === 0) continue;
      const mid = (layout.breadth[firstKid[v]!]! + layout.breadth[firstKid[v]! + kidCount[v]! - 1]!) / 2;
      expect(layout.breadth[v]).toBeCloseTo(mid, 6);
    }
    for (let d = 0; d <= layout.levels; d++) {
      for (let v = layout.levelStart[d]!; v < layout.levelStart[d + 1]!; v++) expect(layout.forest.depth[v]).toBe(d);
    }
    // generous: about 10 ms here; a quadratic layout takes seconds
    expect(elapsed).toBeLessThan(500);
  });

  it("leaves a collapsed subtree out and counts what it hides", () => {
    const tree = testTree([testNode("r", undefined), testNode("a", "r"), testNode("a1", "a"), testNode("a2", "a1"), testNode("b", "r", { createdAt: 2 })]);
    const layout = layoutOf(tree, new Set(["a"]));
    expect(layout.forest.nodes.map((node) => node.id)).toEqual(["r", "a", "b"]);
    expect(layout.forest.hiddenBelow[layout.forest.slot.get("a")!]).toBe(2);
  });

  it("lays out an empty tree (no root yet) as nothing", () => {
    const layout = layoutOf(testTree([]));
    expect(layout.forest.nodes).toHaveLength(0);
    expect(layout.rows).toBe(0);
  });
});
