import { describe, expect, it } from "vitest";
import type { Node } from "../domain/node.ts";
import { testNode, testTree } from "../domain/testing/domain-fixtures.ts";
import { TreeSchema } from "../domain/tree.ts";
import { checkTree, createDeltaCheck, deltaSampleEvery, deltaWholeBudget, treeCheckNodes } from "./tree-check.ts";

/** A tree of `count` nodes: a root and a chain of children. */
function treeOf(count: number) {
  const nodes: Node[] = [testNode("n0", undefined)];
  for (let k = 1; k < count; k++) nodes.push(testNode(`n${k}`, `n${k - 1}`, { depth: k }));
  return testTree(nodes);
}

/** The tree with one node changed by `change` (a copy: the fixture stays valid). */
function withNode(tree: ReturnType<typeof treeOf>, id: string, change: (node: Record<string, unknown>) => void) {
  const node: Record<string, unknown> = { ...tree.nodes[id]! };
  change(node);
  return { ...tree, nodes: { ...tree.nodes, [id]: node } };
}

const issuePath = (value: unknown) => {
  const checked = checkTree(value);
  expect(checked.success).toBe(false);
  return checked.success ? undefined : checked.error.issues[0]?.path.join(".");
};

describe("checkTree", () => {
  it("checks a small tree whole, as the contract's schema does", () => {
    const tree = treeOf(50);
    expect(checkTree(tree)).toEqual({ success: true, data: tree });
    expect(issuePath(withNode(tree, "n17", (node) => (node.votes = -1)))).toBe("nodes.n17.votes");
  });

  it("accepts a large valid tree, and refuses one whose session or seq is wrong", () => {
    const tree = treeOf(treeCheckNodes * 3);
    expect(TreeSchema.safeParse(tree).success).toBe(true);
    expect(checkTree(tree).success).toBe(true);
    expect(issuePath({ ...tree, seq: -1 })).toBe("seq");
    expect(issuePath({ ...tree, session: { ...tree.session, status: "bogus" } })).toBe("session.status");
    expect(issuePath({ ...tree, extra: 1 })).toBe("");
  });

  it("refuses, in a large tree, any node with a field the contract does not name, a non-object, or an id not its key", () => {
    const tree = treeOf(treeCheckNodes * 3);
    // every node's shape is checked, not only the ones checked whole: a leaked field shows wherever it is
    for (const id of ["n1", "n1234", `n${treeCheckNodes * 3 - 1}`]) expect(issuePath(withNode(tree, id, (node) => (node.apiKey = "sk-secret")))).toBe(`nodes.${id}.apiKey`);
    expect(issuePath({ ...tree, nodes: { ...tree.nodes, n5: "not a node" } })).toBe("nodes.n5");
    expect(issuePath(withNode(tree, "n7", (node) => (node.id = "n8")))).toBe("nodes.n7.id");
  });

  it("checks whole an even spread of a large tree's nodes: a bug in how nodes are built is caught", () => {
    const tree = treeOf(treeCheckNodes * 3);
    const broken = { ...tree, nodes: Object.fromEntries(Object.entries(tree.nodes).map(([id, node]) => [id, { ...node, state: "bogus" }])) };
    expect(issuePath(broken)).toBe("nodes.n0.state");
    expect(issuePath(withNode(tree, "n0", (node) => (node.pinned = "yes")))).toBe("nodes.n0.pinned");
    expect(issuePath(withNode(tree, "n3", (node) => (node.depth = 1.5)))).toBe("nodes.n3.depth");
  });
});

describe("createDeltaCheck", () => {
  const delta = (k: number, change: (node: Record<string, unknown>) => void = () => {}) => {
    const node: Record<string, unknown> = { ...testNode(`n${k}`, "n0", { depth: 1 }) };
    change(node);
    return { kind: "node-added", seq: k + 1, node };
  };

  it("checks every delta whole at a live search's pace", () => {
    let clock = 0;
    const check = createDeltaCheck(() => (clock += 50));
    for (let k = 0; k < 200; k++) expect(check(delta(k)).success).toBe(true);
    // a wrong value deep in any one delta is refused, not only in a sampled one
    for (let k = 0; k < 3 * deltaSampleEvery; k++) expect(check(delta(k, (node) => (node.votes = -1))).success).toBe(false);
  });

  it("in a burst, refuses any delta with a wrong shape and samples the rest whole", () => {
    const check = createDeltaCheck(() => 0);
    for (let k = 0; k < deltaWholeBudget; k++) expect(check(delta(k)).success).toBe(true);
    expect(check(delta(1, (node) => (node.apiKey = "sk-secret"))).success).toBe(false);
    expect(check({ ...delta(2), seq: 0 }).success).toBe(false);
    expect(check({ ...delta(3), extra: true }).success).toBe(false);
    expect(check({ kind: "node-updated", seq: 9, node: "n3" }).success).toBe(false);
    expect(check({ kind: "bogus", seq: 9 }).success).toBe(false);
    // a value broken in every delta (an engine bug in how deltas are built) is caught within a sample's spread
    const verdicts = Array.from({ length: deltaSampleEvery }, (_, k) => check(delta(k, (node) => (node.state = "bogus"))).success);
    expect(verdicts).toContain(false);
    const valid = delta(5);
    expect(check(valid)).toEqual({ success: true, data: valid });
  });
});
