import { describe, expect, it } from "vitest";
import { Inventory } from "../src/inventory";

describe("inventory", () => {
  it("reserves what it has and refuses the rest", () => {
    const inventory = new Inventory({ "TEA-001": 3 });
    expect(inventory.reserve("TEA-001", 2)).toBe(true);
    expect(inventory.reserve("TEA-001", 2)).toBe(false);
    expect(inventory.reserve("TEA-001", 0)).toBe(false);
    expect(inventory.available("TEA-001")).toBe(1);
  });

  it("gets released stock back", () => {
    const inventory = new Inventory({ "ACC-001": 1 });
    inventory.reserve("ACC-001", 1);
    inventory.release("ACC-001", 1);
    expect(inventory.available("ACC-001")).toBe(1);
  });
});
