// The fast tier as it is used for real: the agent runs in a sandbox forked from a checkpoint of a
// generated TypeScript project, and each hypothesis's verdict is compared with `tsc --noEmit` run
// in a fresh fork of the same checkpoint with the hypothesis written into it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseImageName } from "../sandbox/base-image.ts";
import type { Checkpoint, Sandbox } from "../sandbox/index.ts";
import { useDriver } from "../sandbox/testing/test-session.ts";
import type { FastChecker, FastCheckerEvent } from "./index.ts";
import { createFastChecker, createSandboxAgentTransport } from "./index.ts";
import { compareWithTsc } from "./testing/compare-with-tsc.ts";
import { generateHypotheses } from "./testing/generate-hypotheses.ts";
import { initGitRepo } from "./testing/init-git-repo.ts";
import type { SandboxTscRun } from "./testing/run-tsc-in-sandbox.ts";
import { runTscInSandbox } from "./testing/run-tsc-in-sandbox.ts";
import type { TempTsProject } from "./testing/temp-ts-project.ts";
import { createTempTsProject } from "./testing/temp-ts-project.ts";
import { hostTypescriptVersion } from "./testing/write-ts-project.ts";

const { driver, fileSessions } = useDriver("fastcheck");
const count = Number(process.env.FORKLIFT_FASTCHECK_HYPOTHESES ?? 50);

describe("fast tier in a sandbox", () => {
  let project: TempTsProject;
  let checkpoint: Checkpoint;
  let agentSandbox: Sandbox;
  let checker: FastChecker;
  const events: FastCheckerEvent[] = [];

  /** tsc in a fresh fork with `changes` written in; the fork is removed afterwards. */
  const tscInFork = async (node: string, changes: Record<string, string | null>): Promise<SandboxTscRun> => {
    const fork = await driver().fork(checkpoint, { node });
    try {
      await driver().applyChanges(fork, changes);
      return await runTscInSandbox(driver(), fork);
    } finally {
      await driver().destroy(fork);
    }
  };

  beforeAll(async () => {
    project = await createTempTsProject({ files: 60, seed: 13, typescript: "copy" });
    await initGitRepo(project.dir);
    checkpoint = await driver().createCheckpoint({ session: `${fileSessions}-shared`, node: "root", repoPath: project.dir, image: baseImageName });
    agentSandbox = await driver().fork(checkpoint, { node: "agent" });
    checker = createFastChecker({ transport: createSandboxAgentTransport({ driver: driver(), sandbox: agentSandbox }), onEvent: (event) => events.push(event) });
  }, 300_000);

  afterAll(async () => {
    try {
      await checker?.close();
      if (agentSandbox) await driver().destroy(agentSandbox);
      await driver().warm(undefined);
      if (checkpoint) await driver().removeCheckpoint(checkpoint);
    } finally {
      await project?.remove();
    }
  }, 120_000);

  it("starts the agent inside the sandbox with the repository's TypeScript", async () => {
    const ready = await checker.start();
    expect(ready).toMatchObject({ status: "ready", hello: { typescript: hostTypescriptVersion, tsconfig: "tsconfig.json", rootFiles: 60, baselineDiagnostics: 0 } });
  }, 120_000);

  it(`agrees with tsc --noEmit in forks on ${count} one-file hypotheses, half of them breaking the build`, async () => {
    await driver().warm(checkpoint, 2);
    const baseline = await tscInFork("tsc-baseline", {});
    expect(baseline.diagnostics).toEqual([]);
    const hypotheses = generateHypotheses(project.plan, { count, seed: 17 });
    const problems: string[] = [];
    let broken = 0;
    for (const [i, hypothesis] of hypotheses.entries()) {
      const [fast, tsc] = await Promise.all([checker.check(hypothesis.changes), tscInFork(`tsc-${i}`, hypothesis.changes)]);
      if (tsc.diagnostics.length > 0) broken++;
      if (fast.status !== "checked") {
        problems.push(`${hypothesis.id}: ${JSON.stringify(fast)}`);
        continue;
      }
      if (tsc.diagnostics.length > 0 !== hypothesis.expectsErrors) problems.push(`${hypothesis.id}: expected errors=${hypothesis.expectsErrors}, tsc said: ${tsc.output}`);
      for (const problem of compareWithTsc(fast, tsc.diagnostics, baseline.diagnostics, Object.keys(hypothesis.changes))) problems.push(`${hypothesis.id}: ${problem}`);
    }
    expect(problems).toEqual([]);
    expect(broken).toBe(Math.ceil(count / 2));
  }, 1_800_000);

  it("fault injection: the agent killed inside the sandbox is restarted and the request retried", async () => {
    const ready = await checker.start();
    if (ready.status !== "ready") throw new Error(JSON.stringify(ready));
    const module = project.plan.modules[4];
    if (!module) throw new Error("no module 4");
    const pending = checker.check({ [module.path]: "export const broken: number = 'x';\n" });
    const kill = await driver().exec(agentSandbox, { command: ["kill", "-9", String(ready.hello.pid)] });
    expect(kill).toMatchObject({ status: "exited", exitCode: 0 });
    expect(await pending).toMatchObject({ status: "checked", diagnostics: expect.arrayContaining([expect.objectContaining({ file: module.path, code: 2322 })]) });
    expect(events.filter((event) => event.type === "request-retried")).toHaveLength(1);
  }, 120_000);

  it("answers sandbox-gone (not a failed hypothesis) when the agent's sandbox is removed", async () => {
    const doomed = await driver().fork(checkpoint, { node: "doomed" });
    const fast = createFastChecker({ transport: createSandboxAgentTransport({ driver: driver(), sandbox: doomed }) });
    try {
      expect(await fast.start()).toMatchObject({ status: "ready" });
      await driver().destroy(doomed);
      expect(await fast.check({ "src/x.ts": "export const x = 1;\n" })).toMatchObject({ status: "infra", reason: "sandbox-gone" });
    } finally {
      await fast.close();
      await driver().destroy(doomed);
    }
  }, 120_000);
});
