/** `forklift demo` (what `npm start` runs): the sample app migrated from console.* to its logger with the recipe generator, no API key. */
import path from "node:path";
import type { Command } from "commander";
import { demoFiles, prepareDemo } from "../../../engine/index.ts";
import { withEngine } from "../session/cli-engine.ts";
import type { EngineOptions } from "../session/cli-engine.ts";
import { withStoreOption } from "../session/store-option.ts";
import { watchSessions } from "../session/watch-sessions.ts";

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
  const { repoPath: repo } = await prepareDemo();
  process.stdout.write(`demo: ${demoFiles.app} copied to ${repo} (a new git repository)\n`);
  return withEngine(options, async (engine, store) => {
    const session = await engine.api["session/start"]({ specPath: demoFiles.spec, repoPath: repo, generators: ["recipe"] });
    const shown = path.relative(process.cwd(), demoFiles.spec);
    process.stdout.write(`demo: session ${session.id} migrates it with ${shown.startsWith("..") ? demoFiles.spec : shown} (recipe rules only)\n`);
    return watchSessions(engine, store, [session.id], { out: process.stdout, printTrees: true });
  });
}
