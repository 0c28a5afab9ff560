import { describe, expect, it } from "vitest";
import { frontier } from "./frontier.ts";
import { testNode, testTree } from "./testing/domain-fixtures.ts";

const score = (value: number) => ({ value, sitesLeft: 0, gatesHeld: true, parts: {} });
const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

describe("frontier", () => {
  it("is the scored leaves, pinned first then best score", () => {
    const chain = testTree([testNode("r", undefined), testNode("a", "r", { score: score(1) }), testNode("b", "a", { state: "pruned" })]);
    expect(frontier(chain)).toEqual([]);
    const wide = testTree([
      testNode("r", undefined),
      testNode("a", "r", { score: score(1), pinned: true }),
      testNode("b", "r", { score: score(9) }),
      testNode("c", "r", {}),
      testNode("d", "r", { state: "checking" }),
    ]);
    expect(ids(frontier(wide))).toEqual(["a", "b", "c"]);
  });
});
