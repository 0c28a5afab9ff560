/** `forklift run SPEC --repo PATH…`: one session per repository, searched until done; progress lines, then a result table. */
import type { Command } from "commander";
import { ForkliftError } from "../../../../shared/errors.ts";
import type { GeneratorName } from "../../../../shared/protocol/contract.ts";
import { prepareStart } from "../../../engine/prepare-start.ts";
import { withEngine } from "../session/cli-engine.ts";
import type { EngineOptions } from "../session/cli-engine.ts";
import { withStoreOption } from "../session/store-option.ts";
import { watchSessions } from "../session/watch-sessions.ts";

/** The options `forklift run` takes. */
export interface RunOptions extends EngineOptions {
  repo: string[];
  allowDirty?: boolean;
  generators?: string;
}

/** Adds `forklift run` to the program. */
export function registerRunCommand(program: Command): void {
  withStoreOption(
    program
      .command("run")
      .description("migrate repositories with a spec: a beam search over forks until every target site is gone and every gate holds, or a budget is spent")
      .argument("<spec>", "the migration spec (YAML)")
      .requiredOption("-r, --repo <path...>", "repository to migrate (several: one session each, run side by side)")
      .option("--allow-dirty", "include uncommitted work in the root instead of refusing the repository")
      .option("-g, --generators <names>", "which of the spec's generators to use: recipe, llm or recipe,llm (default: all it configures)")
      .option("--sandbox <kind>", "docker (default) or host (no isolation: only for code you trust)"),
  ).action(async (spec: string, options: RunOptions) => {
    process.exitCode = await runCommand(spec, options);
  });
}

/** Starts a session per repository and watches them to the end; returns the exit code. */
export async function runCommand(spec: string, options: RunOptions): Promise<number> {
  const generators = parseGenerators(options.generators);
  // every repository is checked before any session starts, so one bad path does not leave others half started
  for (const repo of options.repo) {
    const { warnings } = await prepareStart(spec, repo, options.allowDirty === true);
    for (const warning of warnings) process.stderr.write(`forklift: warning: ${warning}\n`);
  }
  return withEngine(options, async (engine, store) => {
    const ids: string[] = [];
    for (const repo of options.repo) {
      const session = await engine.api["session/start"]({ specPath: spec, repoPath: repo, allowDirty: options.allowDirty === true, ...(generators && { generators }) }).catch((error: unknown) => {
        if (error instanceof ForkliftError && error.code === "llm-not-configured" && generators === undefined) {
          throw new ForkliftError(error.code, `${error.message} (or use only the recipe generator: --generators recipe)`);
        }
        throw error;
      });
      process.stdout.write(`session ${session.id} started for ${session.repoPath}\n`);
      ids.push(session.id);
    }
    return watchSessions(engine, store, ids, { out: process.stdout });
  });
}

/** Parses `--generators recipe,llm`. */
export function parseGenerators(value: string | undefined): GeneratorName[] | undefined {
  if (value === undefined) return undefined;
  const names = value.split(",").map((name) => name.trim()).filter(Boolean);
  for (const name of names) if (name !== "recipe" && name !== "llm") throw new ForkliftError("invalid-input", `--generators: unknown generator "${name}" (use recipe, llm or recipe,llm)`);
  if (names.length === 0) throw new ForkliftError("invalid-input", "--generators needs at least one of recipe, llm");
  return names as GeneratorName[];
}
