import { spawn } from "node:child_process";
import type { CommandOutcome } from "./runner.ts";

/** Output kept per command, head and tail (checks rarely print more; parsers read the tail). */
const maxOutputChars = 256 * 1024;

/**
 * Runs a shell command line in `cwd` on this machine; after `timeoutMs` its whole process group
 * is killed. Never throws: a command that cannot start is an `infra` outcome.
 */
export function runShell(command: string, cwd: string, timeoutMs: number): Promise<CommandOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let output = "";
    let timedOut = false;
    const child = spawn("sh", ["-c", command], { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.length > 2 * maxOutputChars) output = output.slice(0, maxOutputChars / 2) + "\n[…]\n" + output.slice(-maxOutputChars);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      resolve({ status: "infra", detail: `could not run sh: ${error.message}`, durationMs: elapsed() });
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      killGroup(child.pid); // anything the command left running in the background
      if (timedOut) resolve({ status: "timed-out", output, durationMs: elapsed() });
      else resolve({ status: "exited", exitCode: code ?? 128, output, durationMs: elapsed() });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}
