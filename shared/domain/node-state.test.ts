import { describe, expect, it } from "vitest";
import { canTransition } from "./node-state.ts";

describe("canTransition", () => {
  it("allows the life of a node and nothing out of a pruned one", () => {
    expect(canTransition("pending", "checking")).toBe(true);
    expect(canTransition("checking", "pending")).toBe(true);
    expect(canTransition("checking", "scored")).toBe(true);
    expect(canTransition("scored", "checking")).toBe(false);
    expect(canTransition("pruned", "pending")).toBe(false);
    expect(canTransition("pruned", "pruned")).toBe(true);
  });
});
