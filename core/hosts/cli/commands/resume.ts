/** `forklift resume SESSION`: continues a paused or interrupted session (after a crash, Ctrl-C or a reboot) to its end. */
import type { Command } from "commander";
import { withEngine } from "../session/cli-engine.ts";
import type { EngineOptions } from "../session/cli-engine.ts";
import { resolveSession } from "../session/resolve-ids.ts";
import { withStoreOption } from "../session/store-option.ts";
import { watchSessions } from "../session/watch-sessions.ts";

/** Adds `forklift resume` to the program. */
export function registerResumeCommand(program: Command): void {
  withStoreOption(
    program
      .command("resume")
      .description("continue a paused or interrupted session: nodes left checking are checked again, nothing done is repeated")
      .argument("<session>", "session id (or a unique prefix)")
      .option("--sandbox <kind>", "docker (default) or host"),
  ).action(async (id: string, options: EngineOptions) => {
    process.exitCode = await withEngine(options, async (engine, store) => {
      const session = resolveSession(store, id);
      await engine.api["session/resume"]({ sessionId: session.id });
      process.stdout.write(`session ${session.id} resumed\n`);
      return watchSessions(engine, store, [session.id], { out: process.stdout });
    });
  });
}
