/** The `forklift` command line: parses arguments, runs one command, maps errors to one line and an exit code. */
import { Command } from "commander";
import { ForkliftError } from "../../../shared/errors.ts";
import { exitCodes } from "./exit-codes.ts";
import { registerFindCommand } from "./commands/find.ts";

const program = new Command("forklift")
  .description("Forklift: migrations as a search over forks of known-good sandboxes")
  .showHelpAfterError()
  .exitOverride();
registerFindCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = reportError(error);
}

/** Prints one actionable line for a failure and returns the exit code; stacks only with FORKLIFT_DEBUG. */
function reportError(error: unknown): number {
  if (isCommanderExit(error)) return error.exitCode;
  if (error instanceof ForkliftError) {
    console.error(`forklift: ${error.message}`);
    return error.code === "invalid-input" ? exitCodes.usage : exitCodes.failure;
  }
  console.error(`forklift: internal error: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.FORKLIFT_DEBUG) console.error(error);
  return exitCodes.internal;
}

function isCommanderExit(error: unknown): error is { exitCode: number } {
  return typeof error === "object" && error !== null && "code" in error && String(error.code).startsWith("commander.");
}
