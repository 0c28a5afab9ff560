/**
 * Runs the type-check agent as a child process of this Node on the host, in a repository
 * directory. For tests and for repositories that need no sandbox; real use goes through the
 * sandbox transport.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import type { AgentConnection, AgentExit, AgentTransport } from "./agent-transport.ts";
import { AgentTransportError } from "./agent-transport.ts";
import { createLineSplitter } from "./line-splitter.ts";
import { createStderrTail } from "./stderr-tail.ts";
import { typecheckAgentPath } from "./typecheck-agent-path.ts";

/** Where and how to run the agent locally. */
export interface LocalAgentOptions {
  /** The repository root (the agent's working directory). */
  readonly repoDir: string;
  /** tsconfig path relative to the repository; default: tsconfig.json found from the root. */
  readonly tsconfig?: string;
  /** The Node binary; default: the one running this process. */
  readonly nodePath?: string;
  /** More agent arguments, e.g. `["--max-line-mb", "1"]`. */
  readonly agentArgs?: readonly string[];
}

/** A transport that starts the agent with `node typecheck-agent.mjs` in `repoDir`. */
export function createLocalAgentTransport(options: LocalAgentOptions): AgentTransport {
  return {
    description: `local ${options.repoDir}`,
    async start() {
      const args = [typecheckAgentPath, ...(options.tsconfig ? ["--project", options.tsconfig] : []), ...(options.agentArgs ?? [])];
      const child = spawn(options.nodePath ?? process.execPath, args, { cwd: options.repoDir, stdio: ["pipe", "pipe", "pipe"] });
      const spawned = once(child, "spawn").then(() => undefined);
      const failed = once(child, "error").then(([error]) => {
        throw new AgentTransportError("start-failed", `could not start the type-check agent: ${(error as Error).message}`, { cause: error });
      });
      await Promise.race([spawned, failed]);
      return connectionOf(child);
    },
  };
}

function connectionOf(child: ReturnType<typeof spawn>): AgentConnection {
  const lineListeners: ((line: string) => void)[] = [];
  const exitListeners: ((exit: AgentExit) => void)[] = [];
  const stderr = createStderrTail();
  const splitter = createLineSplitter((line) => lineListeners.forEach((listener) => listener(line)));
  child.stdout?.on("data", (chunk: Buffer) => splitter.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
  child.stdin?.on("error", () => {}); // writes after death: the exit event reports it
  let exit: AgentExit | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once("close", (code, signal) => {
      splitter.end();
      exit = { ...(code === null ? {} : { code }), ...(signal ? { signal } : {}), stderrTail: stderr.text() };
      for (const listener of exitListeners) listener(exit);
      resolve();
    });
  });
  return {
    write(line) {
      if (!exit) child.stdin?.write(line);
    },
    onLine(listener) {
      lineListeners.push(listener);
    },
    onExit(listener) {
      if (exit) listener(exit);
      else exitListeners.push(listener);
    },
    async kill() {
      if (!exit) child.kill("SIGKILL");
      await exited;
    },
  };
}
