import { describe, expect, it } from "vitest";
import { applyTreeDelta } from "../../../shared/domain/apply-tree-delta.ts";
import { testNode, testTree } from "../../../shared/domain/testing/domain-fixtures.ts";
import { syntheticBeamTree, syntheticGrowth } from "./testing/synthetic-beam-tree.ts";
import { noFilters } from "./tree-filters.ts";
import { geometry } from "./tree-geometry.ts";
import { glideMs, TreeModel } from "./tree-model.ts";

const size = { width: 1200, height: 800 };
const options = { collapsed: new Set<string>(), filters: noFilters, keep: [] };
const screenOf = (model: TreeModel, id: string, view: { panX: number; panY: number; zoom: number }, now: number) => {
  const slot = model.layout!.forest.slot.get(id)!;
  const e = model.progress(now);
  const pan = model.shownPan(now, view);
  return { x: model.shownX(slot, e) * view.zoom + pan.panX, y: model.shownY(slot, e) * view.zoom + pan.panY };
};

describe("TreeModel", () => {
  it("keeps the anchor node still on screen while the tree grows around it, through the whole glide", () => {
    let tree = syntheticBeamTree({ nodes: 600, seed: 11 });
    const model = new TreeModel();
    model.setTree(tree);
    model.setOptions(options);
    model.relayout(0, undefined, size);
    const anchorId = model.index!.bestId!;
    const slot = model.layout!.forest.slot.get(anchorId)!;
    let view = { zoom: 1, panX: 600 - model.x[slot]!, panY: 400 - model.y[slot]! };
    const before = screenOf(model, anchorId, view, 0);
    for (const delta of syntheticGrowth(tree, 120, 5)) tree = applyTreeDelta(tree, delta);
    model.setTree(tree);
    expect(model.needsLayout).toBe(true);
    view = model.relayout(1000, view, size, anchorId)!;
    for (const t of [1000, 1000 + glideMs / 3, 1000 + glideMs / 2, 1000 + glideMs]) {
      const now = screenOf(model, anchorId, view, t);
      expect(now.x).toBeCloseTo(before.x, 6);
      expect(now.y).toBeCloseTo(before.y, 6);
    }
    expect(model.gliding(1000 + glideMs + 1)).toBe(false);
  });

  it("lets new nodes grow out of their parent and fade in", () => {
    const tree = testTree([testNode("r", undefined), testNode("a", "r", { createdAt: 1 })]);
    const model = new TreeModel();
    model.setTree(tree);
    model.setOptions(options);
    model.relayout(0, undefined, size);
    model.setTree({ ...tree, nodes: { ...tree.nodes, b: testNode("b", "a", { createdAt: 2 }) }, seq: 1 });
    model.relayout(100, { zoom: 1, panX: 0, panY: 0 }, size);
    const b = model.layout!.forest.slot.get("b")!;
    const a = model.layout!.forest.slot.get("a")!;
    expect(model.fresh[b]).toBe(1);
    expect(model.fresh[a]).toBe(0);
    expect(model.shownX(b, model.progress(100))).toBeCloseTo(model.shownX(a, 0), 6);
    expect(model.shownX(b, 1)).toBe(model.x[b]);
  });

  it("redraws a changed state without a new layout, unless a filter depends on it", () => {
    const tree = testTree([testNode("r", undefined), testNode("a", "r", { state: "pending" })]);
    const model = new TreeModel();
    model.setTree(tree);
    model.setOptions(options);
    model.relayout(0, undefined, size);
    const checking = { ...tree, nodes: { ...tree.nodes, a: { ...tree.nodes.a!, state: "checking" as const } }, seq: 1 };
    model.setTree(checking);
    expect(model.needsLayout).toBe(false);
    expect(model.layout!.forest.nodes[model.layout!.forest.slot.get("a")!]!.state).toBe("checking");
    model.setOptions({ ...options, filters: { ...noFilters, hideInvalid: true } });
    model.relayout(0, undefined, size);
    model.setTree({ ...checking, nodes: { ...checking.nodes, a: { ...checking.nodes.a!, state: "invalid" as const } }, seq: 2 });
    expect(model.needsLayout).toBe(true);
  });

  it("finds the node under a world point", () => {
    const tree = syntheticBeamTree({ nodes: 2_000, seed: 3 });
    const model = new TreeModel();
    model.setTree(tree);
    model.setOptions(options);
    model.relayout(0, undefined, size);
    for (const s of [0, 17, 500, 1999]) {
      expect(model.slotAt(model.x[s]! + 5, model.y[s]! + geometry.nodeHeight / 2 - 1)).toBe(s);
      expect(model.slotAt(model.x[s]! + geometry.nodeWidth + 10, model.y[s]!)).toBeUndefined();
    }
  });
});
