/** The `forklift` command line: parses arguments, runs one command, maps errors to one line and an exit code. */
import { Command } from "commander";
import { ForkliftError } from "../../../shared/errors.ts";
import { storeErrorFrom } from "../../store/index.ts";
import { openedStorePath } from "./session/store-option.ts";
import { endQuietlyWhenOutputCloses } from "./closed-output.ts";
import { exitCodeFor, exitCodes } from "./exit-codes.ts";
import { registerApplyCommand } from "./commands/apply.ts";
import { registerDemoCommand } from "./commands/demo.ts";
import { registerEditsCommand } from "./commands/edits-apply.ts";
import { registerExportCommand } from "./commands/export.ts";
import { registerFindCommand } from "./commands/find.ts";
import { registerGcCommand } from "./commands/gc.ts";
import { registerResumeCommand } from "./commands/resume.ts";
import { registerRunCommand } from "./commands/run.ts";
import { registerShowCommand } from "./commands/show.ts";
import { registerStudioCommand } from "./commands/studio.ts";
import { registerTreeCommand } from "./commands/tree.ts";

endQuietlyWhenOutputCloses();

const program = new Command("forklift")
  .description("Forklift: migrations as a search over forks of known-good sandboxes")
  .showHelpAfterError()
  .exitOverride();
registerRunCommand(program);
registerResumeCommand(program);
registerTreeCommand(program);
registerShowCommand(program);
registerExportCommand(program);
registerApplyCommand(program);
registerGcCommand(program);
registerDemoCommand(program);
registerStudioCommand(program);
registerFindCommand(program);
registerEditsCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}

/** Prints one actionable line for a failure and returns the exit code; stacks only with FORKLIFT_DEBUG. */
function reportError(thrown: unknown): number {
  if (isCommanderExit(thrown)) return thrown.exitCode === 0 ? 0 : exitCodes.usage;
  // the store failing under a command (damaged pages, a read-only file, a full disk) is the user's environment, not a bug
  const error = storeErrorFrom(thrown, openedStorePath() ?? "in use") ?? thrown;
  if (error instanceof ForkliftError) {
    console.error(`forklift: ${error.message}`);
    if (process.env.FORKLIFT_DEBUG) console.error(error);
    return exitCodeFor(error.code);
  }
  console.error(`forklift: internal error: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.FORKLIFT_DEBUG) console.error(error);
  return exitCodes.internal;
}

function isCommanderExit(error: unknown): error is { exitCode: number } {
  return typeof error === "object" && error !== null && "code" in error && String(error.code).startsWith("commander.");
}
