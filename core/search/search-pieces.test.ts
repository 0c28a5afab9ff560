import { describe, expect, it } from "vitest";
import type { CheckSummary } from "../../shared/domain/check-summary.ts";
import { testNode, testTree } from "../../shared/domain/testing/domain-fixtures.ts";
import type { CheckSpec } from "../spec/check-schema.ts";
import { budgetSpent, spentBy } from "./budget.ts";
import { parseFailures } from "./judgement/parse-failures.ts";
import { isSolution, verdictOf } from "./judgement/verdict.ts";
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
  });

  it("does not count the user's hinted or manual children as an expansion", () => {
    const hinted = testTree([testNode("r", undefined, { score: score(0) }), testNode("m", "r", { depth: 1, hypothesis: { kind: "llm", editBlocks: "", hint: "h" } })]);
    expect(isExpanded(hinted, "r")).toBe(false);
  });
});

describe("judgement", () => {
  const exited = (exitCode: number, output: string) => ({ status: "exited" as const, exitCode, output, durationMs: 1 });

  it("reads failures from TAP and tsc output, else from the exit code", () => {
    expect(parseFailures("tap", exited(1, "TAP version 13\nok 1 - adds\nnot ok 2 - reports sorted lines\nnot ok 3 - skipped # SKIP\n"))).toEqual(["not ok - reports sorted lines"]);
    expect(parseFailures("tsc", exited(2, "src/a.ts(3,5): error TS2322: Type 'string' is not assignable to type 'number'.\n"))).toEqual(["src/a.ts: TS2322: Type 'string' is not assignable to type 'number'."]);
    expect(parseFailures("exit-code", exited(0, "fine"))).toEqual([]);
    expect(parseFailures("junit", exited(3, "boom\n"))).toEqual(["exit code 3: boom"]);
  });

  it("turns checks into a verdict: infra faults are failed-infra, gate failures invalid, score checks lower the score", () => {
    const check = (name: string, mode: "gate" | "score", status: CheckSummary["status"], newFailures = 0): CheckSummary => ({ name, mode, status, newFailures, fixedFailures: 0, baselineFailures: 0, durationMs: 1 });
    const specs = [{ name: "lint", weight: 2 }] as CheckSpec[];
    expect(verdictOf([check("tests", "gate", "error")], specs, 4, 1).state).toBe("failed-infra");
    const gated = verdictOf([check("tests", "gate", "failed", 2)], specs, 4, 1);
    expect(gated).toMatchObject({ state: "invalid", reason: "gate tests: 2 new failures", score: { gatesHeld: false } });
    const scored = verdictOf([check("tests", "gate", "passed"), check("lint", "score", "failed", 1)], specs, 4, 1);
    expect(scored).toEqual({ state: "scored", score: { value: 28, sitesLeft: 1, gatesHeld: true, parts: { sites: 30, lint: -2 } } });
    expect(isSolution(scored.score)).toBe(false);
    expect(isSolution(verdictOf([], specs, 4, 0).score)).toBe(true);
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
