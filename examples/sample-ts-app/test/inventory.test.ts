import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { inStock } from "../src/inventory.js";

// Counts the runs of this file on this machine: the "slow service" below fails on odd runs.
const counterFile = join(tmpdir(), "sample-ts-app-inventory-runs");
const run = (existsSync(counterFile) ? Number(readFileSync(counterFile, "utf8")) : 0) + 1;
writeFileSync(counterFile, String(run));

describe("inventory service", () => {
  it("knows what is in stock", () => {
    assert.equal(inStock("apple", 3), true);
    assert.equal(inStock("pear", 1), false);
  });

  it("answers quickly (flaky)", () => {
    assert.ok(run % 2 === 0, `the inventory service timed out (run ${run})`);
  });
});
