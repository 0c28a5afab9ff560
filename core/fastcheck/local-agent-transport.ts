/**
 * Runs the type-check agent as a child process of this Node on the host, in a repository
 * directory. For tests and for repositories that need no sandbox; real use goes through the
 * sandbox transport.
 */
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { spawn } from "node:child_process";
import { once } from "node:events";
import type { AgentConnection, AgentTransport } from "./agent-transport.ts";
import { AgentTransportError } from "./agent-transport.ts";
import { streamAgentConnection } from "./stream-agent-connection.ts";
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

function connectionOf(child: ChildProcessWithoutNullStreams): AgentConnection {
  return streamAgentConnection({
    stdin: child.stdin,
    stdout: child.stdout,
    stderr: child.stderr,
    ended: new Promise((resolve) => child.once("exit", (code, signal) => resolve({ ...(code === null ? {} : { code }), ...(signal ? { signal } : {}) }))),
    kill: async () => child.kill("SIGKILL"),
  });
}
