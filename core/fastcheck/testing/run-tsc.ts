/** Runs a project's own `tsc --noEmit` and reads its diagnostics: the reference the fast tier must equal. */
import { execFile } from "node:child_process";
import type { FastCheckDiagnostic } from "../fast-check-result.ts";
import { parseTscOutput } from "./parse-tsc-output.ts";

/** What one tsc run printed and how long it took. */
export interface TscRun {
  readonly diagnostics: FastCheckDiagnostic[];
  readonly output: string;
  readonly exitCode: number;
  readonly ms: number;
}

/** Runs `node node_modules/typescript/bin/tsc --noEmit --pretty false [...extraArgs]` in `dir`. */
export function runTsc(dir: string, extraArgs: readonly string[] = []): Promise<TscRun> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["node_modules/typescript/bin/tsc", "--noEmit", "--pretty", "false", ...extraArgs],
      { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        const exitCode = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        if (error && exitCode !== 1 && exitCode !== 2) return reject(error);
        resolve({ diagnostics: parseTscOutput(stdout), output: stdout, exitCode, ms: Math.round(performance.now() - started) });
      },
    );
  });
}
