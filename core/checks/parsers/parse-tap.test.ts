import { describe, expect, it } from "vitest";
import { fixture } from "../testing/fixtures.ts";
import { parseTap } from "./parse-tap.ts";

describe("parseTap on node's TAP reporter (captured)", () => {
  const tap = fixture("node-tap.txt", "node");

  it("reads leaves of nested subtests, directives, duplicates and the crashed file", () => {
    const result = parseTap(tap.text, tap.root);
    if (!result.ok || result.report.kind !== "tests") throw new Error(JSON.stringify(result));
    expect(result.report.tests.map((test) => [test.id, test.status])).toEqual([
      ["crash.test.mjs", "failed"],
      ["adds numbers", "passed"],
      ["compares strictly", "failed"],
      ["parser › reads a line", "passed"],
      ["parser › throws on a bad line", "failed"],
      ["parser › handles unicode (not yet)", "skipped"],
      ["parser › handles CRLF", "skipped"],
      ["parser › nested suite › keeps # and \\ in names", "passed"],
      ["parent with subtests › first subtest", "passed"],
      ["parent with subtests › second subtest", "failed"],
      ["same name twice", "passed"],
      ["same name twice (2)", "failed"],
    ]);
  });

  it("keeps the first line of each failure's error", () => {
    const result = parseTap(tap.text, tap.root);
    if (!result.ok || result.report.kind !== "tests") throw new Error("not parsed");
    const messages = Object.fromEntries(result.report.tests.filter((test) => test.status === "failed").map((test) => [test.id, test.message]));
    expect(messages).toEqual({
      "crash.test.mjs": "test failed",
      "compares strictly": "Expected values to be strictly equal:",
      "parser › throws on a bad line": "bad line",
      "parent with subtests › second subtest": "second subtest failed",
      "same name twice (2)": "the second one fails",
    });
  });

  it("reads an all-green run", () => {
    const pass = fixture("node-tap-pass.txt", "node");
    expect(pass.exitCode).toBe(0);
    expect(parseTap(pass.text, pass.root)).toEqual({
      ok: true,
      report: { kind: "tests", tests: [{ id: "all green › one", status: "passed" }, { id: "all green › two", status: "passed" }] },
    });
  });

  it("ignores output before the report (an npm script header)", () => {
    const result = parseTap(`\n> sample@1.0.0 test\n> node --test\n\n${tap.text}`, tap.root);
    expect(result.ok).toBe(true);
  });

  it("refuses a stream cut anywhere before its plan", () => {
    const lines = tap.text.split("\n");
    const planAt = lines.findIndex((line) => line.startsWith("1.."));
    for (const cut of [1, 20, 60, 100, planAt]) {
      const result = parseTap(lines.slice(0, cut).join("\n"), tap.root);
      expect(result.ok, `cut at line ${cut}`).toBe(false);
    }
  });

  it("refuses a plan that disagrees with the points, a bail-out, and text that is not TAP", () => {
    expect(parseTap(tap.text.replace(/^1\.\.7$/m, "1..9"), tap.root)).toEqual({ ok: false, reason: "the TAP plan announces 9 test(s) but 7 were reported" });
    expect(parseTap("TAP version 13\nok 1 - a\nBail out! database down\n", "/r")).toEqual({ ok: false, reason: "the test run bailed out: database down" });
    expect(parseTap("Segmentation fault (core dumped)\n", "/r")).toMatchObject({ ok: false, reason: expect.stringContaining("no TAP output") });
    expect(parseTap("", "/r").ok).toBe(false);
  });

  it("reads TAP 14 with a leading plan, TODO failures as skipped, and a parent failing on its own", () => {
    const text = ["TAP version 14", "1..3", "not ok 1 - known bug # TODO fix later", "    ok 1 - child", "    1..1", "not ok 2 - parent hook failed", "ok 3 - escaped \\# hash"].join("\n");
    const result = parseTap(text, "/r");
    expect(result).toEqual({
      ok: true,
      report: {
        kind: "tests",
        tests: [
          { id: "known bug", status: "skipped" },
          { id: "parent hook failed › child", status: "passed" },
          { id: "parent hook failed", status: "failed" },
          { id: "escaped # hash", status: "passed" },
        ],
      },
    });
  });
});
