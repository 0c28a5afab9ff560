import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addItem, applyDiscount, total } from "../src/cart.js";

describe("cart", () => {
  it("merges quantities of one SKU", () => {
    const cart = addItem(addItem([], { sku: "apple", priceCents: 50, quantity: 1 }), { sku: "apple", priceCents: 50, quantity: 2 });
    assert.deepEqual(cart, [{ sku: "apple", priceCents: 50, quantity: 3 }]);
  });

  it("totals prices times quantities", () => {
    assert.equal(total([{ sku: "a", priceCents: 250, quantity: 2 }, { sku: "b", priceCents: 99, quantity: 1 }]), 599);
  });

  describe("discounts", () => {
    it("applies a percentage", () => {
      assert.equal(applyDiscount(1000, 15), 850);
    });
    it("ignores out-of-range percentages", () => {
      assert.equal(applyDiscount(1000, 150), 1000);
    });
  });
});
