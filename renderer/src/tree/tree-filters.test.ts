import { describe, expect, it } from "vitest";
import { testNode, testTree } from "../../../shared/domain/testing/domain-fixtures.ts";
import { beamIds, hiddenByFilters, noFilters } from "./tree-filters.ts";
import { indexTree } from "./tree-index.ts";
import { visibleForest } from "./visible-forest.ts";

const score = (value: number) => ({ value, sitesLeft: 1, gatesHeld: true, parts: {} });
// r expanded a and b (beam width 2 at depth 1); a's children: a1 (best leaf), a2, a3 (invalid); b's: b1 (pruned), b2 (checking)
const tree = testTree([
  testNode("r", undefined, { score: score(0) }),
  testNode("a", "r", { depth: 1, score: score(0.5), createdAt: 1 }),
  testNode("b", "r", { depth: 1, score: score(0.4), createdAt: 2 }),
  testNode("c", "r", { depth: 1, score: score(0.1), createdAt: 3 }),
  testNode("a1", "a", { depth: 2, score: score(0.9), createdAt: 4 }),
  testNode("a2", "a", { depth: 2, score: score(0.2), createdAt: 5 }),
  testNode("a3", "a", { depth: 2, state: "invalid", createdAt: 6 }),
  testNode("b1", "b", { depth: 2, state: "pruned", createdAt: 7 }),
  testNode("b2", "b", { depth: 2, state: "checking", createdAt: 8 }),
  testNode("b3", "b", { depth: 2, score: score(0.7), createdAt: 9 }),
]);
const index = indexTree(tree);
const visible = (filters = noFilters, keep: string[] = []) =>
  visibleForest(index, { collapsed: new Set(), hidden: hiddenByFilters(index, filters, keep) }).nodes.map((node) => node.id).sort();

describe("tree filters", () => {
  it("beam: the expanded nodes, those in flight, and the best leaves up to the widest beam seen", () => {
    expect([...beamIds(index)].sort()).toEqual(["a", "a1", "b", "b2", "b3", "r"]);
  });

  it("hides pruned, invalid and failed nodes, or everything off the beam", () => {
    expect(visible({ ...noFilters, hidePruned: true })).not.toContain("b1");
    expect(visible({ ...noFilters, hideInvalid: true })).not.toContain("a3");
    expect(visible({ ...noFilters, beamOnly: true })).toEqual(["a", "a1", "b", "b2", "b3", "r"]);
  });

  it("keeps the selected node and its ancestors whatever the filters say", () => {
    expect(visible({ ...noFilters, beamOnly: true }, ["a3"])).toContain("a3");
    expect(visible({ ...noFilters, hideInvalid: true }, ["a3"])).toContain("a3");
  });

  it("filters nothing when no filter is on", () => {
    expect(hiddenByFilters(index, noFilters, [])).toBeUndefined();
  });
});
