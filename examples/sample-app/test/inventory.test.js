import { test } from "node:test";
import assert from "node:assert/strict";
import { Inventory } from "../src/inventory.js";
import { report } from "../src/report.js";

test("adds and counts", () => {
  const inventory = new Inventory();
  assert.equal(inventory.add("apple", 3), 3);
  assert.equal(inventory.add("apple", 2), 5);
  assert.equal(inventory.add("apple", 0), 5);
});

test("refuses to remove more than it has", () => {
  const inventory = new Inventory();
  inventory.add("pear", 1);
  assert.throws(() => inventory.remove("pear", 2), /not enough pear/);
  assert.equal(inventory.remove("pear", 1), 0);
});

test("reports sorted lines", () => {
  const inventory = new Inventory();
  inventory.add("b", 1);
  inventory.add("a", 2);
  assert.equal(report(inventory), "a: 2\nb: 1");
});
