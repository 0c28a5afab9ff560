import { describe, expect, it } from "vitest";
import type { CheckBaseline, CheckDefinition, CheckReport, CheckRun, TestResult } from "../checks/index.ts";
import { judgeHypothesis, type JudgeInput } from "./judge-hypothesis.ts";
import { nodeStateFor } from "./judgement.ts";

// Pure logic of the verdict, with runs scripted per check and attempt. The same paths run for real
// in sandboxes in judgement.docker.test.ts.
const raw = { stdout: "", stderr: "", truncated: false };
const typecheck: CheckDefinition = { name: "typecheck", command: "tsc", parser: "tsc", timeoutSec: 60, mode: "gate", weight: 1 };
const tests: CheckDefinition = { name: "tests", command: "node --test", parser: "tap", timeoutSec: 60, mode: "gate", weight: 2 };
const lint: CheckDefinition = { name: "lint", command: "eslint", parser: "eslint-json", timeoutSec: 60, mode: "score", weight: 0.5 };

const reported = (report: CheckReport, durationMs = 100): CheckRun => ({ status: "reported", report, exitCode: 0, durationMs, raw });
const testRun = (...list: [string, TestResult["status"]][]) => reported({ kind: "tests", tests: list.map(([id, status]) => ({ id, status })) });
const diagnostics = (...codes: number[]) => reported({ kind: "diagnostics", diagnostics: codes.map((code) => ({ file: "a.ts", line: 1, column: 1, code, category: "error" as const, message: `e${code}` })) });
const findings = (count: number) => reported({ kind: "lint", findings: Array.from({ length: count }, (_, i) => ({ file: "a.js", ruleId: `r${i}`, severity: "error" as const, message: "m" })) });
const oom: CheckRun = { status: "infra", reason: "oom-killed", detail: "the sandbox's memory limit was reached", durationMs: 50 };

function baselineOf(check: CheckDefinition, run: CheckRun, flakyTests: string[] = []): CheckBaseline {
  if (run.status !== "reported") throw new Error("baseline runs are reported here");
  return { version: 1, checkpointId: "sha256:c", check: check.name, fingerprint: "f", parser: check.parser, outcome: { status: "reported", report: run.report }, flakyTests, flakyReport: false, runs: 2, durationMs: 1, measuredAt: "t" };
}

const baselines = new Map([
  ["typecheck", baselineOf(typecheck, diagnostics(2304))],
  ["tests", baselineOf(tests, testRun(["a", "passed"], ["b", "passed"], ["broken", "failed"], ["flaky", "passed"]), ["flaky"])],
  ["lint", baselineOf(lint, findings(2))],
]);

/** Judges with scripted runs: script[check][attempt - 1]; records the calls. */
async function judge(script: Record<string, CheckRun[]>, extra: Partial<JudgeInput> = {}) {
  const calls: string[] = [];
  const judgement = await judgeHypothesis({
    checks: [typecheck, tests, lint],
    baselines,
    run: async (check, attempt) => {
      calls.push(`${check.name}#${attempt}`);
      const run = script[check.name]?.[attempt - 1];
      if (!run) throw new Error(`unscripted run ${check.name}#${attempt}`);
      return run;
    },
    sites: { before: 10, after: 7 },
    diffLines: 40,
    ...extra,
  });
  return { judgement, calls };
}

describe("judgeHypothesis", () => {
  it("scores a hypothesis that breaks nothing: baseline failures and flaky tests do not count", async () => {
    const { judgement, calls } = await judge({
      typecheck: [diagnostics(2304)],
      tests: [testRun(["a", "passed"], ["b", "passed"], ["broken", "failed"], ["flaky", "failed"])],
      lint: [findings(1)],
    });
    expect(calls).toEqual(["typecheck#1", "tests#1", "lint#1"]);
    expect(judgement).toMatchObject({ verdict: "scored", score: { gatesHeld: true, sitesLeft: 7 } });
    if (judgement.verdict !== "scored") throw new Error("not scored");
    // value = 10·(10−7) + 1·(1·0 − 5·0) + 2·(0) + 0.5·(1·1 − 0) − 0.01·40 = 30 + 0.5 − 0.4
    expect(judgement.score).toEqual({ value: 30.1, sitesLeft: 7, gatesHeld: true, parts: { sites: 30, typecheck: 0, tests: 0, lint: 0.5, diff: -0.4 } });
    expect(judgement.checks.map((check) => check.summary)).toEqual([
      { name: "typecheck", mode: "gate", status: "passed", newFailures: 0, fixedFailures: 0, baselineFailures: 1, durationMs: 100 },
      { name: "tests", mode: "gate", status: "passed", newFailures: 0, fixedFailures: 0, baselineFailures: 1, durationMs: 100, detail: "1 failure(s) of tests flaky at the baseline ignored" },
      { name: "lint", mode: "score", status: "passed", newFailures: 0, fixedFailures: 1, baselineFailures: 1, durationMs: 100 },
    ]);
    expect(nodeStateFor(judgement)).toBe("scored");
  });

  it("is wrong on a new type error, and skips the checks after the failed gate", async () => {
    const { judgement, calls } = await judge({ typecheck: [diagnostics(2304, 2322)] });
    expect(calls).toEqual(["typecheck#1"]);
    expect(judgement).toMatchObject({ verdict: "wrong", failedGates: [{ check: "typecheck", newFailures: 1, detail: "a.ts:1:1 TS2322: e2322" }], score: { gatesHeld: false } });
    if (judgement.verdict !== "wrong") throw new Error("not wrong");
    expect(judgement.checks.map((check) => [check.summary.name, check.summary.status, check.summary.detail])).toEqual([
      ["typecheck", "failed", "a.ts:1:1 TS2322: e2322"],
      ["tests", "skipped", "not run: gate typecheck failed"],
      ["lint", "skipped", "not run: gate typecheck failed"],
    ]);
    expect(nodeStateFor(judgement)).toBe("invalid");
  });

  it("re-runs a test check to confirm a new failure before blaming the hypothesis", async () => {
    const failing = testRun(["a", "failed"], ["b", "passed"], ["broken", "failed"], ["flaky", "passed"]);
    const { judgement, calls } = await judge({ typecheck: [diagnostics(2304)], tests: [failing, failing], lint: [findings(2)] }, { stopAtFailedGate: false });
    expect(calls).toEqual(["typecheck#1", "tests#1", "tests#2", "lint#1"]);
    expect(judgement).toMatchObject({ verdict: "wrong", failedGates: [{ check: "tests", newFailures: 1, detail: "a: failed" }] });
    if (judgement.verdict !== "wrong") throw new Error("not wrong");
    expect(judgement.checks[1]).toMatchObject({ runs: 2, summary: { durationMs: 200, newFailures: 1, baselineFailures: 1 } });
    // tests: weight 2 · (−5 · 1) = −10
    expect(judgement.score.parts.tests).toBe(-10);
  });

  it("does not blame a failure the re-run does not repeat", async () => {
    const { judgement, calls } = await judge({
      typecheck: [diagnostics(2304)],
      tests: [testRun(["a", "passed"], ["b", "failed"], ["broken", "failed"]), testRun(["a", "passed"], ["b", "passed"], ["broken", "failed"])],
      lint: [findings(2)],
    });
    expect(calls).toEqual(["typecheck#1", "tests#1", "tests#2", "lint#1"]);
    expect(judgement.verdict).toBe("scored");
    if (judgement.verdict !== "scored") throw new Error("not scored");
    expect(judgement.checks[1]).toMatchObject({ runs: 2, unconfirmed: [{ key: "b" }], newFailures: [], summary: { status: "passed", detail: "1 new failure(s) not repeated by a re-run: flaky, not counted" } });
  });

  it("is unjudged, never wrong, when the sandbox runs out of memory (first run or the confirming re-run)", async () => {
    const first = await judge({ typecheck: [diagnostics(2304)], tests: [oom] });
    expect(first.calls).toEqual(["typecheck#1", "tests#1"]);
    expect(first.judgement).toMatchObject({ verdict: "unjudged", reason: "oom-killed", check: "tests" });
    expect(nodeStateFor(first.judgement)).toBe("failed-infra");
    const rerun = await judge({ typecheck: [diagnostics(2304)], tests: [testRun(["a", "failed"]), oom] });
    expect(rerun.judgement).toMatchObject({ verdict: "unjudged", reason: "oom-killed", checks: [{}, { summary: { status: "error", detail: expect.stringContaining("the re-run to confirm 2 new failure(s) failed") } }, { summary: { status: "skipped" } }] });
  });

  it("stays wrong when a gate failed for certain before an infrastructure fault", async () => {
    const { judgement } = await judge({ typecheck: [diagnostics(2304, 2322)], tests: [oom], lint: [findings(2)] }, { stopAtFailedGate: false });
    expect(judgement).toMatchObject({ verdict: "wrong", failedGates: [{ check: "typecheck" }] });
  });

  it("counts a score-mode check's new failures in the score only", async () => {
    const { judgement } = await judge({ typecheck: [diagnostics(2304)], tests: [testRun(["a", "passed"], ["b", "passed"], ["broken", "failed"], ["flaky", "passed"])], lint: [findings(4)] });
    expect(judgement).toMatchObject({ verdict: "scored", score: { gatesHeld: true, parts: { lint: -5 } } });
  });

  it("treats a timeout as could-not-be-judged by default, as the hypothesis's failure with timeoutIsFailure", async () => {
    const hang: CheckRun = { status: "infra", reason: "timed-out", detail: "tests: timed out after 60000 ms", durationMs: 60_000 };
    const byDefault = await judge({ typecheck: [diagnostics(2304)], tests: [hang] });
    expect(byDefault.judgement).toMatchObject({ verdict: "unjudged", reason: "timed-out", check: "tests" });
    const strict = await judge({ typecheck: [diagnostics(2304)], tests: [hang] }, { timeoutIsFailure: true });
    expect(strict.calls).toEqual(["typecheck#1", "tests#1"]);
    expect(strict.judgement).toMatchObject({ verdict: "wrong", failedGates: [{ check: "tests", newFailures: 1, detail: "timed out after 60 s (the baseline finished in 0 s)" }] });
    const hungOnRerun = await judge({ typecheck: [diagnostics(2304)], tests: [testRun(["a", "failed"], ["b", "passed"], ["broken", "failed"], ["flaky", "passed"]), hang] }, { timeoutIsFailure: true });
    expect(hungOnRerun.judgement).toMatchObject({ verdict: "wrong", failedGates: [{ check: "tests", newFailures: 1 }] });
  });

  it("never lets a gate that cannot read its output pass: unjudged, not scored (a score check is only skipped)", async () => {
    const unreadableBaseline: CheckBaseline = { ...baselines.get("typecheck")!, outcome: { status: "no-report", reason: "tsc exited 2 without reporting an error" } };
    const garbage: CheckRun = { status: "no-report", reason: "tsc exited 2 without reporting an error", exitCode: 2, durationMs: 10, raw };
    const withBroken = new Map([...baselines, ["typecheck", unreadableBaseline], ["lint", { ...baselines.get("lint")!, outcome: { status: "no-report" as const, reason: "eslint exited 2" } }]]);
    const { judgement } = await judge(
      { typecheck: [garbage], tests: [testRun(["a", "passed"], ["b", "passed"], ["broken", "failed"], ["flaky", "passed"])], lint: [findings(9)] },
      { baselines: withBroken },
    );
    expect(judgement).toMatchObject({ verdict: "unjudged", reason: "not-comparable", check: "typecheck", detail: expect.stringContaining("the baseline left no report (tsc exited 2 without reporting an error)") });
    expect(judgement.verdict !== "invalid" && judgement.checks.map((check) => `${check.summary.name} ${check.summary.status}`)).toEqual(["typecheck error", "tests passed", "lint skipped"]);
    expect(nodeStateFor(judgement)).toBe("failed-infra");
  });
});
