import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastChecker } from "./index.ts";
import { createFastChecker, createLocalAgentTransport } from "./index.ts";
import { applyChangesOnDisk } from "./testing/apply-changes-on-disk.ts";
import { compareWithTsc } from "./testing/compare-with-tsc.ts";
import { generateHypotheses } from "./testing/generate-hypotheses.ts";
import type { TscRun } from "./testing/run-tsc.ts";
import { runTsc } from "./testing/run-tsc.ts";
import type { TempTsProject } from "./testing/temp-ts-project.ts";
import { createTempTsProject } from "./testing/temp-ts-project.ts";

// The host version of the correctness check (the sandbox version is sandbox-fast-check.docker.test.ts):
// each hypothesis goes to the warm agent as an overlay, and is written into a second copy of the
// project where the real `tsc --noEmit` runs. FORKLIFT_FASTCHECK_HYPOTHESES raises the count.
const count = Number(process.env.FORKLIFT_FASTCHECK_HYPOTHESES ?? 16);

describe("fast tier on the host equals tsc --noEmit", () => {
  let agentCopy: TempTsProject;
  let tscCopy: TempTsProject;
  let checker: FastChecker;
  let baseline: TscRun;

  beforeAll(async () => {
    agentCopy = await createTempTsProject({ files: 30, seed: 11 });
    tscCopy = await createTempTsProject({ files: 30, seed: 11 });
    checker = createFastChecker({ transport: createLocalAgentTransport({ repoDir: agentCopy.dir }) });
    [baseline] = await Promise.all([runTsc(tscCopy.dir), checker.start()]);
  }, 120_000);

  afterAll(async () => {
    await checker?.close();
    await agentCopy?.remove();
    await tscCopy?.remove();
  });

  it("the generated project starts clean, in the agent and in tsc", async () => {
    expect(baseline.diagnostics).toEqual([]);
    const result = await checker.baseline();
    expect(result.status === "checked" && result.diagnostics).toEqual([]);
  });

  it(`agrees with tsc on ${count} one-file hypotheses, half of them breaking the build`, async () => {
    const hypotheses = generateHypotheses(agentCopy.plan, { count, seed: 5 });
    const problems: string[] = [];
    for (const hypothesis of hypotheses) {
      const fast = await checker.check(hypothesis.changes);
      const undo = await applyChangesOnDisk(tscCopy.dir, hypothesis.changes);
      const tsc = await runTsc(tscCopy.dir).finally(undo);
      if (fast.status !== "checked") {
        problems.push(`${hypothesis.id}: ${JSON.stringify(fast)}`);
        continue;
      }
      if (tsc.diagnostics.length > 0 !== hypothesis.expectsErrors) problems.push(`${hypothesis.id}: generator expected errors=${hypothesis.expectsErrors}, tsc: ${tsc.output}`);
      for (const problem of compareWithTsc(fast, tsc.diagnostics, baseline.diagnostics, Object.keys(hypothesis.changes))) problems.push(`${hypothesis.id}: ${problem}`);
    }
    expect(problems).toEqual([]);
    expect(hypotheses.filter((h) => h.expectsErrors)).toHaveLength(Math.ceil(count / 2));
  }, 600_000);
});
