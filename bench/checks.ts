/**
 * Benchmark of the fast tier of checks against tsc in forks. Generates a TypeScript project
 * (200 files by default, typescript copied from the host), checkpoints it in a sandbox (setup
 * leaves a warm .tsbuildinfo), starts the warm type-check agent in a fork of that checkpoint and
 * measures, in the same run:
 *   - the fast tier's round-trip latency for one-file hypotheses (half of them break the build),
 *   - `tsc --noEmit --incremental` in a fresh fork with the hypothesis written in (warm buildinfo),
 *   - a cold `tsc --noEmit` in a fresh fork.
 * The two tsc figures are the exec's own duration (creating the fork and writing the file are
 * printed apart), so the speedup does not count container start-up against tsc.
 * The fast tier's figure per hypothesis is the median of CHECKS_BENCH_ROUNDS passes (default 3),
 * spread between the tsc phases so that both sides see the same load on a shared machine.
 * CHECKS_BENCH_FILES, CHECKS_BENCH_HYPOTHESES, CHECKS_BENCH_TSC_RUNS and CHECKS_BENCH_COLD_RUNS
 * change the sizes. Everything it creates in Docker is removed at the end (and checked).
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastChecker, FastCheckResult } from "../core/fastcheck/index.ts";
import { createFastChecker, createSandboxAgentTransport } from "../core/fastcheck/index.ts";
import { compareWithTsc } from "../core/fastcheck/testing/compare-with-tsc.ts";
import { generateHypotheses } from "../core/fastcheck/testing/generate-hypotheses.ts";
import type { GeneratedHypothesis } from "../core/fastcheck/testing/generate-hypotheses.ts";
import { initGitRepo } from "../core/fastcheck/testing/init-git-repo.ts";
import { planTsProject } from "../core/fastcheck/testing/plan-ts-project.ts";
import { runTscInSandbox } from "../core/fastcheck/testing/run-tsc-in-sandbox.ts";
import type { SandboxTscRun } from "../core/fastcheck/testing/run-tsc-in-sandbox.ts";
import { writeTsProject } from "../core/fastcheck/testing/write-ts-project.ts";
import { baseImageName } from "../core/sandbox/base-image.ts";
import type { Checkpoint, Sandbox } from "../core/sandbox/index.ts";
import { createDockerSandboxDriver } from "../core/sandbox/index.ts";
import { findLeaks, removeTestResources } from "../core/sandbox/testing/leak-check.ts";
import { printBench } from "./print-bench.ts";

const files = Number(process.env.CHECKS_BENCH_FILES ?? 200);
const hypothesisCount = Number(process.env.CHECKS_BENCH_HYPOTHESES ?? 30);
const tscRuns = Number(process.env.CHECKS_BENCH_TSC_RUNS ?? 8);
const coldRuns = Number(process.env.CHECKS_BENCH_COLD_RUNS ?? 3);
const rounds = Math.max(1, Number(process.env.CHECKS_BENCH_ROUNDS ?? 3));
const buildInfo = ["--incremental", "--tsBuildInfoFile", "tsconfig.tsbuildinfo"];

/** Nearest-rank quantile of a non-empty list. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
const median = (values: readonly number[]) => quantile(values, 0.5);
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const bench = (metric: string, value: number, unit: string) => printBench(metric, value, unit, 1);
const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const session = `bench-checks-${randomBytes(3).toString("hex")}`;
const dir = await mkdtemp(path.join(tmpdir(), "forklift-bench-checks-"));
const driver = await createDockerSandboxDriver();
const sandboxes: Sandbox[] = [];
let checkpoint: Checkpoint | undefined;
let fast: FastChecker | undefined;

try {
  // ---- the project and its checkpoint ------------------------------------------------------------
  let started = performance.now();
  const plan = planTsProject({ files, seed: 42 });
  await writeTsProject(dir, plan, { typescript: "copy" });
  await initGitRepo(dir);
  console.log(`project: ${plan.modules.length} modules, typescript copied from the host (${seconds(started)})`);
  started = performance.now();
  checkpoint = await driver.createCheckpoint({
    session,
    node: "root",
    repoPath: dir,
    image: baseImageName,
    setup: [`node node_modules/typescript/bin/tsc --noEmit ${buildInfo.join(" ")}`],
  });
  console.log(`checkpoint: ${checkpoint.id.slice(7, 19)} with a warm tsconfig.tsbuildinfo (${seconds(started)})`);

  // ---- fast tier: the agent in a fork of the checkpoint ------------------------------------------
  const agentSandbox = await driver.fork(checkpoint, { node: "agent" });
  sandboxes.push(agentSandbox);
  fast = createFastChecker({ transport: createSandboxAgentTransport({ driver, sandbox: agentSandbox }) });
  started = performance.now();
  const ready = await fast.start();
  if (ready.status !== "ready") throw new Error(`the agent did not start: ${JSON.stringify(ready)}`);
  console.log(
    `agent: TypeScript ${ready.hello.typescript}, ${ready.hello.sourceFiles} source files, baseline ${ready.hello.baselineMs} ms inside the sandbox, ready after ${seconds(started)}`,
  );
  const hypotheses = generateHypotheses(plan, { count: hypothesisCount, seed: 7 });
  const warmUp = await fast.check({ "src/warm-up.ts": "export const warmUp: number = 1;\n" });
  if (warmUp.status !== "checked") throw new Error(`warm-up check failed: ${JSON.stringify(warmUp)}`);
  const checker = fast;
  const fastRuns = new Map<string, Extract<FastCheckResult, { status: "checked" }>[]>(hypotheses.map((h) => [h.id, []]));
  /** One pass over every hypothesis; passes are spread between the tsc phases so both see the same machine load. */
  const fastRound = async () => {
    for (const hypothesis of hypotheses) {
      const result = await checker.check(hypothesis.changes);
      if (result.status !== "checked") throw new Error(`${hypothesis.id}: ${JSON.stringify(result)}`);
      fastRuns.get(hypothesis.id)?.push(result);
    }
  };
  await fastRound();
  // ---- tsc in fresh forks ----------------------------------------------------------------------
  await driver.warm(checkpoint, 2);
  const inFork = async (hypothesis: GeneratedHypothesis, args: readonly string[]): Promise<{ tsc: SandboxTscRun; prepareMs: number }> => {
    const began = performance.now();
    const fork = await driver.fork(checkpoint as Checkpoint, { node: "tsc" });
    try {
      await driver.applyChanges(fork, hypothesis.changes);
      const prepareMs = performance.now() - began;
      return { tsc: await runTscInSandbox(driver, fork, args), prepareMs };
    } finally {
      await driver.destroy(fork);
    }
  };
  // Spread the tsc runs over the hypothesis list: every other one breaks the build.
  const sample = (n: number) => Array.from({ length: Math.min(n, hypotheses.length) }, (_, i) => hypotheses[Math.floor((i * hypotheses.length) / Math.min(n, hypotheses.length))]!);
  const incremental: number[] = [];
  const prepare: number[] = [];
  let agreed = 0;
  const disagreements: string[] = [];
  console.log("\ntsc --noEmit --incremental in a fresh fork (warm buildinfo from setup):");
  for (const hypothesis of sample(tscRuns)) {
    const { tsc, prepareMs } = await inFork(hypothesis, buildInfo);
    incremental.push(tsc.ms);
    prepare.push(prepareMs);
    const fastResult = fastRuns.get(hypothesis.id)?.[0];
    const problems = fastResult ? compareWithTsc(fastResult, tsc.diagnostics, [], Object.keys(hypothesis.changes)) : ["no fast result"];
    if (problems.length === 0) agreed++;
    else disagreements.push(`${hypothesis.id}: ${problems.join("; ")}`);
    console.log(`  ${hypothesis.id.padEnd(36)} tsc ${String(tsc.ms).padStart(5)} ms  (fork + write ${Math.round(prepareMs)} ms)  ${tsc.diagnostics.length} errors`);
  }
  if (rounds > 1) await fastRound();
  const cold: number[] = [];
  console.log("\ncold tsc --noEmit in a fresh fork:");
  for (const hypothesis of sample(coldRuns)) {
    const { tsc } = await inFork(hypothesis, []);
    cold.push(tsc.ms);
    console.log(`  ${hypothesis.id.padEnd(36)} tsc ${String(tsc.ms).padStart(5)} ms  ${tsc.diagnostics.length} errors`);
  }

  for (let round = 2; round < rounds; round++) await fastRound();

  // ---- fast tier table: each hypothesis's median over the rounds --------------------------------
  console.log(`\nfast tier, agent in a fork of the checkpoint (${rounds} rounds, spread over the run; one warm-up request first, not counted):`);
  console.log(`  ${"hypothesis".padEnd(36)} ${"median".padStart(9)} ${"in agent".padStart(9)} ${"CPU".padStart(8)} ${"files".padStart(5)} ${"errors".padStart(6)}   round trips`);
  const roundTrips: number[] = [];
  const inAgent: number[] = [];
  const cpu: number[] = [];
  for (const hypothesis of hypotheses) {
    const runs = fastRuns.get(hypothesis.id) ?? [];
    const first = runs[0];
    if (!first) continue;
    const trip = median(runs.map((run) => run.roundTripMs));
    roundTrips.push(trip);
    inAgent.push(median(runs.map((run) => run.ms)));
    cpu.push(median(runs.map((run) => run.cpuMs ?? NaN)));
    console.log(
      `  ${hypothesis.id.padEnd(36)} ${`${round(trip)} ms`.padStart(9)} ${`${inAgent.at(-1)} ms`.padStart(9)} ${`${cpu.at(-1)} ms`.padStart(8)} ${String(first.files.length).padStart(5)} ${String(first.diagnostics.length).padStart(6)}   ${runs.map((run) => Math.round(run.roundTripMs)).join(" / ")}`,
    );
  }

  // ---- summary -------------------------------------------------------------------------------
  const p50 = quantile(roundTrips, 0.5);
  const p95 = quantile(roundTrips, 0.95);
  const incrementalMs = median(incremental);
  const coldMs = median(cold);
  console.log(`
summary (${plan.modules.length} files, ${hypotheses.length} hypotheses; fast tier per hypothesis = median of ${rounds} rounds):
  fast tier round trip   p50 ${round(p50)} ms   p95 ${round(p95)} ms   max ${round(Math.max(...roundTrips))} ms   (inside the agent: p50 ${round(quantile(inAgent, 0.5))} ms, of which CPU p50 ${round(quantile(cpu, 0.5))} ms)
  tsc --incremental      median ${incrementalMs} ms in the fork (+ ${Math.round(median(prepare))} ms to fork and write the file)
  tsc cold               median ${coldMs} ms
  speedup vs incremental ${round(incrementalMs / p50)}x (target >= 15x; fast tier p50 target <= 100 ms)
  verdicts equal to tsc on ${agreed}/${incremental.length} hypotheses${disagreements.length ? `\n  DISAGREEMENTS:\n    ${disagreements.join("\n    ")}` : ""}`);
  bench("fastcheck_p50_ms", p50, "ms");
  bench("fastcheck_p95_ms", p95, "ms");
  bench("tsc_incremental_fork_ms", incrementalMs, "ms");
  bench("tsc_cold_ms", coldMs, "ms");
  bench("fastcheck_speedup_vs_incremental", incrementalMs / p50, "x");
} finally {
  await fast?.close().catch(() => undefined);
  for (const sandbox of sandboxes) await driver.destroy(sandbox).catch(() => undefined);
  await driver.warm(undefined).catch(() => undefined);
  if (checkpoint) await driver.removeCheckpoint(checkpoint).catch((error: unknown) => console.error(`could not remove the checkpoint: ${String(error)}`));
  const left = await findLeaks(driver.client, session);
  if (left.length > 0) {
    console.error(`cleanup: ${left.length} resource(s) of ${session} were left; removing them`);
    await removeTestResources(driver.client, session);
    process.exitCode = 1;
  }
  await rm(dir, { recursive: true, force: true });
  await driver.dispose();
}
