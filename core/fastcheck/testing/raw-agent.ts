/** The agent spoken to line by line, for protocol tests: raw writes in, every stdout line kept. */
import type { AgentExit } from "../agent-transport.ts";
import { createLocalAgentTransport } from "../local-agent-transport.ts";

/** A running agent and its raw output. */
export interface RawAgent {
  /** Every line the agent wrote to stdout, parsed as JSON (a line that is not JSON fails the parse). */
  readonly lines: unknown[];
  /** Writes text as is (the caller adds newlines). */
  write(text: string): void;
  /** Resolves with the first line (already seen or coming) that matches. */
  next(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves when the process ends. */
  exited: Promise<AgentExit>;
  kill(): Promise<void>;
}

/** Starts the agent in `dir` through the local transport. */
export async function startRawAgent(dir: string, agentArgs: readonly string[] = []): Promise<RawAgent> {
  const connection = await createLocalAgentTransport({ repoDir: dir, agentArgs }).start();
  const lines: unknown[] = [];
  const waiters = new Set<() => void>();
  connection.onLine((line) => {
    lines.push(JSON.parse(line));
    for (const wake of [...waiters]) wake();
  });
  const exited = new Promise<AgentExit>((resolve) => connection.onExit(resolve));
  const next = (match: (line: Record<string, unknown>) => boolean, timeoutMs = 60_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const look = () => {
        const found = lines.find((line) => typeof line === "object" && line !== null && match(line as Record<string, unknown>));
        if (!found) return false;
        waiters.delete(look);
        clearTimeout(timer);
        resolve(found as Record<string, unknown>);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(look);
        reject(new Error(`no matching agent line within ${timeoutMs} ms; got ${JSON.stringify(lines).slice(0, 2000)}`));
      }, timeoutMs);
      if (!look()) waiters.add(look);
    });
  return { lines, write: (text) => connection.write(text), next, exited, kill: () => connection.kill() };
}
