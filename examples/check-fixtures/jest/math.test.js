/* global describe, expect, it, test */
// Jest: passing, failing, skipped and todo tests, nested describe blocks.
test("adds numbers", () => {
  expect(1 + 1).toBe(2);
});

test("compares strictly", () => {
  expect(1 + 1).toBe(3);
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
