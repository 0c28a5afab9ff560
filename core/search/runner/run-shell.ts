import { spawn } from "node:child_process";

/** Output kept per stream, head and tail (parsers read the whole report; the middle of a huge log is dropped). */
const maxStreamChars = 1024 * 1024;

/** How a shell command on this machine ended. */
export type ShellResult =
  | { readonly status: "exited"; readonly exitCode: number; readonly stdout: string; readonly stderr: string; readonly stdoutTruncated: boolean; readonly stderrTruncated: boolean; readonly durationMs: number }
  | { readonly status: "timed-out"; readonly stdout: string; readonly stderr: string; readonly durationMs: number }
  | { readonly status: "infra"; readonly detail: string; readonly durationMs: number };

/**
 * Runs a shell command line in `cwd` on this machine; after `timeoutMs` its whole process group
 * is killed. Never throws: a command that cannot start is an `infra` result.
 */
export function runShell(command: string, cwd: string, timeoutMs: number): Promise<ShellResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const streams = { stdout: { text: "", truncated: false }, stderr: { text: "", truncated: false } };
    let timedOut = false;
    const child = spawn("sh", ["-c", command], { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const collect = (stream: { text: string; truncated: boolean }) => (chunk: Buffer) => {
      stream.text += chunk.toString("utf8");
      if (stream.text.length > 2 * maxStreamChars) {
        stream.text = `${stream.text.slice(0, maxStreamChars / 2)}\n[…]\n${stream.text.slice(-maxStreamChars)}`;
        stream.truncated = true;
      }
    };
    child.stdout.on("data", collect(streams.stdout));
    child.stderr.on("data", collect(streams.stderr));
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
      const { stdout, stderr } = streams;
      if (timedOut) resolve({ status: "timed-out", stdout: stdout.text, stderr: stderr.text, durationMs: elapsed() });
      else resolve({ status: "exited", exitCode: code ?? 128, stdout: stdout.text, stderr: stderr.text, stdoutTruncated: stdout.truncated, stderrTruncated: stderr.truncated, durationMs: elapsed() });
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
