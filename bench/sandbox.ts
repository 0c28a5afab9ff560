/**
 * Sandbox benchmark: checkpoint time of the sample repository, and fork-to-ready latency through
 * the engine (warm pool) against the `docker run -d` CLI with the same image and security flags,
 * measured in the same run. Cleans up everything it created.
 *
 *   npm run bench:sandbox [-- --forks 20 --concurrency 8 --rounds 3]
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { promisify } from "node:util";
import { baseImageName } from "../core/sandbox/base-image.ts";
import { collectGarbage } from "../core/sandbox/docker/collect-garbage.ts";
import { createDockerSandboxDriver, defaultLimits, defaultPoolSize, labelKeys, type Checkpoint, type Sandbox } from "../core/sandbox/index.ts";
import { findLeaks } from "../core/sandbox/testing/leak-check.ts";
import { makeSampleRepo } from "../core/sandbox/testing/sample-repo.ts";
import { printBench } from "./print-bench.ts";

const run = promisify(execFile);

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const singleForks = option("forks", 20);
const concurrency = option("concurrency", 8);
const rounds = option("rounds", 3);
const session = `bench-p${process.pid}x${randomBytes(2).toString("hex")}`;

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const median = (values: readonly number[]) => percentile(values, 50);
const round = (value: number, digits = 0) => Number(value.toFixed(digits));

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** The CLI baseline: same image, same labels and security flags as the engine's containers. */
function cliRunArgs(checkpoint: Checkpoint): string[] {
  return [
    "run",
    "-d",
    "--init",
    "--network",
    "none",
    "--cap-drop",
    "ALL",
    "--security-opt",
    "no-new-privileges",
    "--memory",
    String(defaultLimits.memoryBytes),
    "--memory-swap",
    String(defaultLimits.memoryBytes),
    "--cpus",
    String(defaultLimits.cpus),
    "--pids-limit",
    String(defaultLimits.pids),
    "--label",
    `${labelKeys.session}=${session}`,
    "--label",
    `${labelKeys.role}=bench-cli`,
    "--workdir",
    checkpoint.workdir,
    "--entrypoint",
    "sleep",
    checkpoint.id,
    "infinity",
  ];
}

async function cliFork(checkpoint: Checkpoint): Promise<string> {
  return (await run("docker", cliRunArgs(checkpoint))).stdout.trim();
}

async function cliReady(id: string): Promise<void> {
  await run("docker", ["exec", id, "true"]);
}

async function cliRemove(ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await run("docker", ["rm", "-f", ...ids]);
}

/** The headline figures, printed as BENCH lines after the cleanup so they end the output. */
type Figures = [metric: string, value: number, unit: string][];

async function main(): Promise<Figures> {
  const driver = await createDockerSandboxDriver();
  const repo = await makeSampleRepo();
  const cliVersion = (await run("docker", ["version", "--format", "{{.Client.Version}} / engine {{.Server.Version}}"])).stdout.trim();
  console.log("Forklift sandbox benchmark");
  console.log(`  daemon ${driver.endpoint} (docker ${cliVersion}), image ${baseImageName}, session ${session}`);
  console.log(`  "ready" = the container is running and an exec in it succeeds; each fork is checked with \`true\` after its timing`);
  console.log(`  the engine forks from its warm pool: containers started and probed with an exec in the background, checked running at hand-out;`);
  console.log(`  the pool is full before each timing (size ${defaultPoolSize} for single forks, the concurrency setting for concurrent ones)`);
  console.log(`  the baseline is \`docker run -d\` of the same checkpoint image with the same flags (init, network none, cap-drop ALL, no-new-privileges, limits)`);
  console.log("");

  let checkpoint: Checkpoint | undefined;
  const engineSandboxes: Sandbox[] = [];
  try {
    const [created, checkpointMs] = await timed(() =>
      driver.createCheckpoint({ session, node: "root", repoPath: repo.path, image: baseImageName, setup: ["npm install --offline --no-audit --no-fund"] }),
    );
    checkpoint = created;
    const ckpt = created;
    console.log(`checkpoint of examples/sample-app (copy working tree, setup \`npm install --offline\`, commit): ${(checkpointMs / 1000).toFixed(2)} s`);

    // Single forks, engine and CLI interleaved so both see the same machine load.
    const engineMs: number[] = [];
    const engineToFirstExecMs: number[] = [];
    const cliMs: number[] = [];
    await driver.warm(ckpt, defaultPoolSize);
    for (let i = 0; i < singleForks; i++) {
      await driver.warm(ckpt, defaultPoolSize);
      const [sandbox, forkMs] = await timed(() => driver.fork(ckpt, { node: `single-${i}` }));
      const [check, execMs] = await timed(() => driver.exec(sandbox, { command: "true" }));
      if (check.status !== "exited" || check.exitCode !== 0) throw new Error(`engine fork ${i} is not ready: ${JSON.stringify(check)}`);
      engineMs.push(forkMs);
      engineToFirstExecMs.push(forkMs + execMs);
      await driver.destroy(sandbox);
      await driver.warm(ckpt, defaultPoolSize); // no refill running while the CLI is timed

      const [id, cliForkMs] = await timed(() => cliFork(ckpt));
      await cliReady(id);
      cliMs.push(cliForkMs);
      await cliRemove([id]);
    }

    // Cold engine forks (no pool), for reference.
    await driver.warm(undefined);
    const coldMs: number[] = [];
    for (let i = 0; i < Math.min(10, singleForks); i++) {
      const [sandbox, ms] = await timed(() => driver.fork(ckpt, { node: `cold-${i}` }));
      coldMs.push(ms);
      await driver.destroy(sandbox);
    }

    // Concurrent forks: the pool is sized by the concurrency setting and full before timing.
    const engineWallMs: number[] = [];
    const cliWallMs: number[] = [];
    for (let r = 0; r < rounds; r++) {
      await driver.warm(ckpt, concurrency);
      const [forks, wall] = await timed(() => Promise.all(Array.from({ length: concurrency }, (_, i) => driver.fork(ckpt, { node: `c${r}-${i}` }))));
      engineSandboxes.push(...forks);
      engineWallMs.push(wall);
      for (const fork of forks) {
        const check = await driver.exec(fork, { command: "true" });
        if (check.status !== "exited" || check.exitCode !== 0) throw new Error(`engine fork is not ready: ${JSON.stringify(check)}`);
      }
      await driver.warm(undefined); // nothing in the background while the CLI is timed
      await Promise.all(engineSandboxes.splice(0).map((fork) => driver.destroy(fork)));

      const [ids, cliWall] = await timed(() => Promise.all(Array.from({ length: concurrency }, () => cliFork(ckpt))));
      cliWallMs.push(cliWall);
      await Promise.all(ids.map(cliReady));
      await cliRemove(ids);
    }

    const p50 = percentile(engineMs, 50);
    const p95 = percentile(engineMs, 95);
    const cliP50 = percentile(cliMs, 50);
    const wall = median(engineWallMs);
    const cliWall = median(cliWallMs);
    console.log("");
    console.log(`single fork to ready, ${singleForks} forks (ms):`);
    console.log(`  engine (warm pool)       p50 ${p50.toFixed(1)}  p95 ${p95.toFixed(1)}  min ${Math.min(...engineMs).toFixed(1)}  max ${Math.max(...engineMs).toFixed(1)}`);
    console.log(`  engine, fork + 1st exec  p50 ${percentile(engineToFirstExecMs, 50).toFixed(1)}  (includes an exec of \`true\`)`);
    console.log(`  engine cold (no pool)    p50 ${percentile(coldMs, 50).toFixed(1)}  over ${coldMs.length} forks`);
    console.log(`  docker run -d (CLI)      p50 ${cliP50.toFixed(1)}  p95 ${percentile(cliMs, 95).toFixed(1)}`);
    console.log(`${concurrency} concurrent forks, wall time, median of ${rounds} rounds (s):`);
    console.log(`  engine (pool of ${concurrency})       ${(wall / 1000).toFixed(3)}   rounds: ${engineWallMs.map((ms) => (ms / 1000).toFixed(3)).join(", ")}`);
    console.log(`  docker run -d (CLI)      ${(cliWall / 1000).toFixed(3)}   rounds: ${cliWallMs.map((ms) => (ms / 1000).toFixed(3)).join(", ")}`);

    return [
      ["sandbox_checkpoint_s", round(checkpointMs / 1000, 3), "s"],
      ["fork_p50_ms", round(p50, 1), "ms"],
      ["fork_p95_ms", round(p95, 1), "ms"],
      ["cli_fork_p50_ms", round(cliP50, 1), "ms"],
      ["fork_p50_ratio_vs_cli", round(p50 / cliP50, 3), "ratio"],
      ["fork8_wall_s", round(wall / 1000, 3), "s"],
      ["cli_fork8_wall_s", round(cliWall / 1000, 3), "s"],
      ["fork8_wall_ratio_vs_cli", round(wall / cliWall, 3), "ratio"],
    ];
  } finally {
    await driver.warm(undefined).catch(() => undefined);
    await Promise.all(engineSandboxes.map((fork) => driver.destroy(fork).catch(() => undefined)));
    if (checkpoint) await driver.removeCheckpoint(checkpoint).catch(() => undefined);
    await collectGarbage(driver.client, {}, { only: (resource) => resource.session === session });
    const left = await findLeaks(driver.client, session);
    console.log(left.length === 0 ? "cleanup: nothing left on the daemon" : `cleanup: ${left.length} resource(s) could not be removed`);
    await driver.dispose();
    await repo.remove();
  }
}

const figures = await main();
console.log("");
for (const [metric, value, unit] of figures) printBench(metric, value, unit);
