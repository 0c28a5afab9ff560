import { spawn } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import path from "node:path";

const script = path.join(import.meta.dirname, "store-writer.ts");

/** A running store-writer child process (see store-writer.ts) and what it has printed. */
export interface WriterProcess {
  child: ChildProcess;
  /** Lines printed so far. */
  lines: string[];
  /** Resolves with the first printed line that matches, rejects if the writer exits first. */
  waitForLine(pattern: RegExp): Promise<string>;
  /** Kills it with SIGKILL and resolves once it is gone, with how it ended. */
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts a process that writes nodes into the store at `storePath` until killed. */
export function startWriter(storePath: string, seed: number): WriterProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script, storePath, String(seed)], { stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  let stderr = "";
  let pending = "";
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout?.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split("\n");
    pending = parts.pop() ?? "";
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  });
  void exited.then(({ code, signal }) => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`writer exited (code ${code}, signal ${signal}) before printing ${waiter.pattern}: ${stderr}`));
  });
  return {
    child,
    lines,
    waitForLine(pattern) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error(`writer already exited: ${stderr}`));
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
    async kill() {
      child.kill("SIGKILL");
      const end = await exited;
      return { ...end, stderr };
    },
  };
}
