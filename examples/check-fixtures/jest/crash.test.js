/* global test */
// A test file that fails while loading: Jest reports the file as a failed suite with no tests.
if (test) throw new Error("cannot load this test file");

test("never runs", () => {});
