import { describe, expect, it } from "vitest";
import { sitesOverTime } from "./sites-over-time.ts";
import { testNode, testTree } from "./testing/domain-fixtures.ts";
import type { Score } from "./score.ts";

const score = (sitesLeft: number, gatesHeld = true): Score => ({ value: -sitesLeft, sitesLeft, gatesHeld, parts: {} });

describe("sitesOverTime", () => {
  it("is empty until a node is scored", () => {
    expect(sitesOverTime(testTree([testNode("r", undefined, { state: "pending" })]))).toEqual([]);
  });

  it("steps down each time a better acceptable node is scored, in time order", () => {
    const tree = testTree([
      testNode("r", undefined, { score: score(12), updatedAt: 100 }),
      testNode("c", "b", { score: score(3), updatedAt: 400 }),
      testNode("a", "r", { score: score(8), updatedAt: 200 }),
      testNode("b", "r", { score: score(9), updatedAt: 300 }),
    ]);
    expect(sitesOverTime(tree)).toEqual([
      { at: 100, sitesLeft: 12 },
      { at: 200, sitesLeft: 8 },
      { at: 400, sitesLeft: 3 },
    ]);
  });

  it("ignores nodes that broke a gate or were judged invalid or failed in the infrastructure, but counts pruned ones", () => {
    const tree = testTree([
      testNode("r", undefined, { score: score(10), updatedAt: 1 }),
      testNode("gate", "r", { score: score(0, false), updatedAt: 2 }),
      testNode("bad", "r", { state: "invalid", score: score(1), updatedAt: 3 }),
      testNode("infra", "r", { state: "failed-infra", score: score(1), updatedAt: 4 }),
      testNode("gone", "r", { state: "pruned", score: score(6), updatedAt: 5 }),
    ]);
    expect(sitesOverTime(tree)).toEqual([
      { at: 1, sitesLeft: 10 },
      { at: 5, sitesLeft: 6 },
    ]);
  });
});
