import { describe, expect, it } from "vitest";
import { applyTreeDelta } from "../../../shared/domain/apply-tree-delta.ts";
import { testNode, testTree } from "../../../shared/domain/testing/domain-fixtures.ts";
import { syntheticBeamTree, syntheticGrowth } from "./testing/synthetic-beam-tree.ts";
import { advanceTreeIndex, indexTree } from "./tree-index.ts";
import type { TreeIndex } from "./tree-index.ts";

const score = (value: number, sitesLeft = 3) => ({ value, sitesLeft, gatesHeld: true, parts: {} });
const shape = (index: TreeIndex) => ({
  rootId: index.rootId,
  size: index.size,
  bestId: index.bestId,
  scoreRange: index.scoreRange,
  solutions: [...index.solutionIds].sort(),
  stateCounts: index.stateCounts,
  children: Object.fromEntries([...index.childrenOf].map(([id, kids]) => [id, kids.map((kid) => kid.id)]).sort()),
});

describe("indexTree", () => {
  it("orders children oldest first and finds the best node, the score range and the solutions", () => {
    const tree = testTree([
      testNode("r", undefined, { score: score(0, 9) }),
      testNode("b", "r", { createdAt: 5, score: score(0.4) }),
      testNode("a", "r", { createdAt: 2, score: score(0.9, 0) }),
      testNode("c", "r", { createdAt: 9, score: score(0.9, 0) }),
      testNode("x", "r", { createdAt: 7, state: "invalid", score: score(5) }),
    ]);
    const index = indexTree(tree);
    expect(index.childrenOf.get("r")!.map((node) => node.id)).toEqual(["a", "b", "x", "c"]);
    expect(index.bestId).toBe("a");
    expect(index.scoreRange).toEqual({ min: 0, max: 0.9 });
    expect([...index.solutionIds].sort()).toEqual(["a", "c"]);
  });
});

describe("advanceTreeIndex", () => {
  it("ends where indexing the final tree from scratch does, through a live burst of 500 deltas", () => {
    let tree = syntheticBeamTree({ nodes: 2_000, seed: 3 });
    let index = indexTree(tree);
    const deltas = syntheticGrowth(tree, 500, 4);
    for (let at = 0; at < deltas.length; at += 37) {
      for (const delta of deltas.slice(at, at + 37)) tree = applyTreeDelta(tree, delta);
      const change = advanceTreeIndex(index, tree);
      expect(change.rebuilt).toBe(false);
      index = change.index;
    }
    expect(shape(index)).toEqual(shape(indexTree(tree)));
  });

  it("reports what changed: added nodes and state changes", () => {
    const tree = testTree([testNode("r", undefined), testNode("a", "r", { state: "pending" })]);
    const index = indexTree(tree);
    const next = { ...tree, nodes: { ...tree.nodes, a: { ...tree.nodes.a!, state: "checking" as const }, b: testNode("b", "a") }, seq: 2 };
    const change = advanceTreeIndex(index, next);
    expect(change).toMatchObject({ added: 1, stateChanged: 1, rebuilt: false });
    expect([...change.changedIds].sort()).toEqual(["a", "b"]);
    expect(change.index.childrenOf.get("a")!.map((node) => node.id)).toEqual(["b"]);
  });

  it("finds the next best when the best node is pruned", () => {
    const tree = testTree([testNode("r", undefined, { score: score(0.1) }), testNode("a", "r", { score: score(0.9) }), testNode("b", "r", { createdAt: 2, score: score(0.5) })]);
    const index = indexTree(tree);
    expect(index.bestId).toBe("a");
    const next = { ...tree, nodes: { ...tree.nodes, a: { ...tree.nodes.a!, state: "pruned" as const } }, seq: 1 };
    expect(advanceTreeIndex(index, next).index.bestId).toBe("b");
  });

  it("rebuilds for another session's tree or a tree that lost nodes (a reload)", () => {
    const tree = testTree([testNode("r", undefined), testNode("a", "r")]);
    const smaller = { ...tree, nodes: { r: tree.nodes.r! }, seq: 1 };
    const change = advanceTreeIndex(indexTree(tree), smaller);
    expect(change.rebuilt).toBe(true);
    expect(change.index.childrenOf.get("r")).toBeUndefined();
    const other = { ...tree, session: { ...tree.session, id: "s2" } };
    expect(advanceTreeIndex(indexTree(tree), other).rebuilt).toBe(true);
  });
});
