import { describe, expect, it } from "vitest";
import { testNode } from "../../../shared/domain/testing/domain-fixtures.ts";
import { badgesOf, nodeColour, scoreColour, scoreStops, stateColours } from "./node-style.ts";

const hexToRgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(",")})`;

describe("node style", () => {
  it("colours scores from the worst (red) to the best (green) of the tree's range", () => {
    const range = { min: -2, max: 8 };
    expect(scoreColour(-2, range)).toBe(hexToRgb(scoreStops[0]));
    expect(scoreColour(3, range)).toBe(hexToRgb(scoreStops[1]));
    expect(scoreColour(8, range)).toBe(hexToRgb(scoreStops[2]));
    expect(scoreColour(100, range)).toBe(hexToRgb(scoreStops[2]));
  });

  it("colours unscored nodes by state", () => {
    expect(nodeColour(testNode("a", "r", { state: "invalid" }), undefined)).toBe(stateColours.invalid);
    expect(nodeColour(testNode("a", "r", { state: "checking" }), undefined)).toBe(stateColours.checking);
  });

  it("gives a node its badges in a fixed order, votes with their count", () => {
    const node = testNode("a", "r", { pinned: true, checkpointImageId: "sha256:1", votes: 3 });
    expect(badgesOf(node, { best: true, solution: true }).map((badge) => badge.glyph)).toEqual(["★", "♛", "⚑", "◆", "×3"]);
    expect(badgesOf(testNode("b", "r", { state: "failed-infra" }), { best: false, solution: false }).map((badge) => badge.kind)).toEqual(["failed"]);
  });
});
