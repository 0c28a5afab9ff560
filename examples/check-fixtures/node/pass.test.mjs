// A file whose tests all pass (captured alone as the all-green report).
import assert from "node:assert/strict";
import { describe, it } from "node:test";

describe("all green", () => {
  it("one", () => assert.ok(true));
  it("two", () => assert.ok(true));
});
