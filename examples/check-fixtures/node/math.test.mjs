// Node's test runner: passing, failing, skipped and todo tests, suites, nested subtests.
import assert from "node:assert/strict";
import { describe, it, test } from "node:test";

test("adds numbers", () => {
  assert.equal(1 + 1, 2);
});

test("compares strictly", () => {
  assert.equal(1 + 1, 3);
});

describe("parser", () => {
  it("reads a line", () => {});
  it("throws on a bad line", () => {
    throw new Error("bad line\nsecond line of the message");
  });
  it.skip("handles unicode (not yet)", () => {});
  it.todo("handles CRLF");
  describe("nested suite", () => {
    it("keeps # and \\ in names", () => {});
  });
});

test("parent with subtests", async (t) => {
  await t.test("first subtest", () => {});
  await t.test("second subtest", () => {
    assert.ok(false, "second subtest failed");
  });
});

test("same name twice", () => {});
test("same name twice", () => {
  assert.fail("the second one fails");
});
