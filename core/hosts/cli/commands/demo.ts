/** `forklift demo` (what `npm start` runs): the sample app migrated from console.* to its logger with the recipe generator, no API key. */
import { execFile } from "node:child_process";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Command } from "commander";
import { withEngine } from "../session/cli-engine.ts";
import type { EngineOptions } from "../session/cli-engine.ts";
import { withStoreOption } from "../session/store-option.ts";
import { watchSessions } from "../session/watch-sessions.ts";

const run = promisify(execFile);
const examples = fileURLToPath(new URL("../../../../examples/", import.meta.url));

/** The demo's spec and repository, shipped with Forklift. */
export const demoFiles = { spec: path.join(examples, "specs", "console-to-logger.yml"), app: path.join(examples, "sample-app") };

/** Adds `forklift demo` to the program. */
export function registerDemoCommand(program: Command): void {
  withStoreOption(
    program
      .command("demo")
      .description("copy examples/sample-app to a temporary git repository and migrate it with examples/specs/console-to-logger.yml (recipe generator, no API key); print the tree and the result")
      .option("--sandbox <kind>", "docker (default) or host (no isolation)"),
  ).action(async (options: EngineOptions) => {
    process.exitCode = await runDemo(options);
  });
}

/** Runs the demo; returns the exit code. */
export async function runDemo(options: EngineOptions): Promise<number> {
  const repo = await sampleRepository();
  process.stdout.write(`demo: ${demoFiles.app} copied to ${repo} (a new git repository)\n`);
  return withEngine(options, async (engine, store) => {
    const session = await engine.api["session/start"]({ specPath: demoFiles.spec, repoPath: repo, generators: ["recipe"] });
    const shown = path.relative(process.cwd(), demoFiles.spec);
    process.stdout.write(`demo: session ${session.id} migrates it with ${shown.startsWith("..") ? demoFiles.spec : shown} (recipe rules only)\n`);
    return watchSessions(engine, store, [session.id], { out: process.stdout, printTrees: true });
  });
}

async function sampleRepository(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-demo-"));
  await cp(demoFiles.app, dir, { recursive: true });
  const git = (...args: string[]) => run("git", ["-c", "user.name=Forklift Demo", "-c", "user.email=demo@forklift.invalid", "-c", "init.defaultBranch=main", ...args], { cwd: dir });
  await git("init", "-q");
  await git("add", "-A");
  await git("commit", "-q", "-m", "sample app before the migration");
  return dir;
}
