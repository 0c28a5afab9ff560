/** Runs the repository's own `tsc --noEmit` inside a sandbox and reads its diagnostics. */
import type { ExecResult, Sandbox, SandboxDriver } from "../../sandbox/index.ts";
import { describeOutcome } from "../../sandbox/index.ts";
import type { FastCheckDiagnostic } from "../fast-check-result.ts";
import { parseTscOutput } from "./parse-tsc-output.ts";

/** One tsc run in a sandbox: its diagnostics and the exec's own duration. */
export interface SandboxTscRun {
  readonly diagnostics: FastCheckDiagnostic[];
  readonly output: string;
  readonly ms: number;
  readonly result: ExecResult;
}

/** Runs `node node_modules/typescript/bin/tsc --noEmit --pretty false [...extraArgs]`; throws unless tsc exited 0, 1 or 2. */
export async function runTscInSandbox(driver: SandboxDriver, sandbox: Sandbox, extraArgs: readonly string[] = []): Promise<SandboxTscRun> {
  const result = await driver.exec(sandbox, {
    command: ["node", "node_modules/typescript/bin/tsc", "--noEmit", "--pretty", "false", ...extraArgs],
    timeoutMs: 300_000,
    maxOutputBytes: 16 * 1024 * 1024,
  });
  if (result.status !== "exited" || result.exitCode > 2) {
    throw new Error(`tsc in the sandbox failed: ${describeOutcome(result)}: ${result.stderr.text.slice(-500)}`);
  }
  return { diagnostics: parseTscOutput(result.stdout.text), output: result.stdout.text, ms: result.durationMs, result };
}
