import { describe, expect, it } from "vitest";
import type { CheckSummary } from "../../shared/domain/check-summary.ts";
import { testNode, testTree } from "../../shared/domain/testing/domain-fixtures.ts";
import { budgetSpent, spentBy } from "./budget.ts";
import { isSolution, toJudged } from "./judgement/judged-node.ts";
import { isExpanded, selectBeam } from "./select-beam.ts";
import { voteKey } from "./vote-key.ts";

const score = (value: number, sitesLeft = 1) => ({ value, sitesLeft, gatesHeld: true, parts: {} });
const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id);

describe("voteKey", () => {
  it("equates changes that differ only in line endings and trailing whitespace, whatever the path order", () => {
    expect(voteKey({ "a.js": "x;  \r\ny;\n\n", "b.js": null })).toBe(voteKey({ "b.js": null, "a.js": "x;\ny;\n" }));
    expect(voteKey({ "a.js": "x;\n" })).not.toBe(voteKey({ "a.js": "  x;\n" }));
    expect(voteKey({ "a.js": "" })).not.toBe(voteKey({ "a.js": null }));
  });
});

describe("selectBeam", () => {
  const tree = testTree([
    testNode("r", undefined, { score: score(0, 5) }),
    testNode("a", "r", { depth: 1, score: score(3), changesetHash: "ha", hypothesis: { kind: "recipe", ruleId: "x", fixId: "y" } }),
    testNode("b", "r", { depth: 1, score: score(9), changesetHash: "hb" }),
    testNode("c", "r", { depth: 1, score: score(1), pinned: true, changesetHash: "hc" }),
    testNode("d", "r", { depth: 1, score: score(9), changesetHash: "hd", votes: 2 }),
    testNode("e", "r", { depth: 1, state: "invalid", score: score(50), changesetHash: "he" }),
    testNode("f", "r", { depth: 1, state: "pruned", pinned: true, score: score(50), changesetHash: "hf" }),
    testNode("g", "a", { depth: 2, score: score(4), changesetHash: "hg", hypothesis: { kind: "recipe", ruleId: "x", fixId: "y" } }),
  ]);

  it("keeps pinned nodes, then the best by score and votes; never invalid, pruned or expanded ones", () => {
    expect(isExpanded(tree, "r")).toBe(true);
    expect(isExpanded(tree, "b")).toBe(false);
    expect(ids(selectBeam(tree, 2, 10))).toEqual(["c", "d"]);
    expect(ids(selectBeam(tree, 4, 10))).toEqual(["c", "d", "b", "g"]);
    expect(ids(selectBeam(tree, 4, 2))).toEqual(["c", "d", "b"]);
    expect(ids(selectBeam(tree, 2, 10, new Set(["d"])))).toEqual(["c", "b"]);
  });

  it("does not count the user's hinted or manual children as an expansion", () => {
    const hinted = testTree([testNode("r", undefined, { score: score(0) }), testNode("m", "r", { depth: 1, hypothesis: { kind: "llm", editBlocks: "", hint: "h" } })]);
    expect(isExpanded(hinted, "r")).toBe(false);
  });
});

describe("judgement", () => {
  const summary = (name: string, status: CheckSummary["status"], newFailures = 0): CheckSummary => ({ name, mode: "gate", status, newFailures, fixedFailures: 0, baselineFailures: 0, durationMs: 1 });
  const score = { value: 1, sitesLeft: 0, gatesHeld: true, parts: {} };
  const judged = (checks: CheckSummary[]) => checks.map((check) => ({ summary: check, newFailures: [], unconfirmed: [], runs: 1 }));

  it("records core/score's verdicts: wrong is invalid with its gate, could-not-be-judged is failed-infra", () => {
    const tests = { name: "tests", command: "npm test", parser: "tap" as const, timeoutSec: 60, mode: "gate" as const, weight: 1 };
    const checks = [{ ...judged([summary("tests", "passed")])[0]!, fixed: [{ key: "k", label: "b" }], exitCode: 0, raw: { stdout: "ok 1\n", stderr: "warn\n", truncated: false } }];
    expect(toJudged({ verdict: "scored", score, checks }, [tests])).toEqual({
      state: "scored",
      score,
      checks: [summary("tests", "passed")],
      details: [{ summary: summary("tests", "passed"), command: "npm test", exitCode: 0, newFailures: [], fixedFailures: ["b"], output: "ok 1\nwarn\n", outputTruncated: false }],
    });
    const wrong = toJudged({ verdict: "wrong", failedGates: [{ check: "tests", newFailures: 2, detail: "reports sorted lines" }], score: { ...score, gatesHeld: false }, checks: [] });
    expect(wrong).toMatchObject({ state: "invalid", reason: "gate tests: 2 new failures — reports sorted lines" });
    const unjudged = toJudged({ verdict: "unjudged", reason: "oom-killed", detail: "tests: out of memory", checks: judged([summary("tests", "error")]) });
    expect(unjudged).toMatchObject({ state: "failed-infra", reason: "could not be judged (oom-killed): tests: out of memory" });
    expect(isSolution(score)).toBe(true);
    expect(isSolution({ ...score, gatesHeld: false })).toBe(false);
    expect(isSolution(undefined)).toBe(false);
  });
});

describe("budgets", () => {
  it("adds up tokens and money from provenance and names the first budget spent", () => {
    const provenance = { generator: "llm", tokensIn: 600, tokensOut: 500, tokensCached: 0, costUsd: 0.5, latencyMs: 1 };
    const tree = testTree([testNode("r", undefined), testNode("a", "r", { provenance }), testNode("b", "r", { provenance })]);
    const spent = spentBy(tree, 1000);
    expect(spent).toEqual({ tokens: 2200, usd: 1, wallMs: 1000 });
    const budgets = { tokens: 3000, usd: 10, wallMinutes: 1, sandboxesAtOnce: 1, llmCallsAtOnce: 1 };
    expect(budgetSpent(spent, budgets)).toBeUndefined();
    expect(budgetSpent(spent, { ...budgets, tokens: 2000 })).toMatch(/^token budget spent/);
    expect(budgetSpent(spent, { ...budgets, usd: 1 })).toMatch(/^money budget spent/);
    expect(budgetSpent({ ...spent, wallMs: 60_000 }, budgets)).toMatch(/^time budget spent/);
  });
});
