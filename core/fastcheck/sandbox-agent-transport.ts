/**
 * Runs the type-check agent inside a sandbox forked from a checkpoint: the agent's source is
 * written into the sandbox with the driver's file API, then started with the driver's attached
 * exec (stdin/stdout streams stay open). Nothing here assumes the sandbox runs on this machine.
 */
import { readFile } from "node:fs/promises";
import { assertNever } from "../../shared/assert-never.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { AttachedExit, AttachedProcess, Sandbox, SandboxDriver } from "../sandbox/index.ts";
import type { AgentConnection, AgentExit, AgentTransport } from "./agent-transport.ts";
import { AgentTransportError } from "./agent-transport.ts";
import { streamAgentConnection } from "./stream-agent-connection.ts";
import { typecheckAgentPath } from "./typecheck-agent-path.ts";

/**
 * Where the agent's source goes, relative to the sandbox's workdir. A dot folder: tsconfig
 * wildcards (`**` / `*`) never match it, so the agent file is not part of the checked program.
 */
export const sandboxAgentPath = ".forklift/typecheck-agent.mjs";

/** Which sandbox to run the agent in, and how. */
export interface SandboxAgentOptions {
  readonly driver: SandboxDriver;
  /** A sandbox forked from the checkpoint whose state the agent judges; the agent's only user. */
  readonly sandbox: Sandbox;
  /** tsconfig path relative to the workdir; default: tsconfig.json found from the workdir. */
  readonly tsconfig?: string;
  /** The Node binary inside the sandbox. Default `node` (from PATH). */
  readonly node?: string;
}

/** A transport that starts the agent in `options.sandbox` (installing its source there once). */
export function createSandboxAgentTransport(options: SandboxAgentOptions): AgentTransport {
  const { driver, sandbox } = options;
  let installed: Promise<void> | undefined;
  const install = () =>
    (installed ??= readFile(typecheckAgentPath).then((content) => driver.writeFiles(sandbox, [{ path: sandboxAgentPath, content, mode: 0o644 }])));
  return {
    description: `sandbox ${sandbox.id.slice(0, 12)}`,
    async start() {
      let attached: AttachedProcess;
      try {
        await install();
        const command = [options.node ?? "node", sandboxAgentPath, ...(options.tsconfig ? ["--project", options.tsconfig] : [])];
        attached = await driver.attach(sandbox, { command });
      } catch (error) {
        installed = undefined;
        throw transportError(error);
      }
      return connectionOf(attached);
    },
  };
}

/**
 * Sorts a failure to reach the sandbox: the engine's "no such container" (404) or "not running"
 * (409), or a daemon that no longer answers, mean the sandbox is gone for this agent.
 */
function transportError(error: unknown): AgentTransportError {
  const message = error instanceof Error ? error.message : String(error);
  const status = typeof error === "object" && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  const gone = status === 404 || status === 409 || (error instanceof ForkliftError && error.code === "docker-not-running");
  return new AgentTransportError(gone ? "sandbox-gone" : "start-failed", `could not start the type-check agent in the sandbox: ${message}`, { cause: error });
}

function connectionOf(attached: AttachedProcess): AgentConnection {
  return streamAgentConnection({ ...attached, ended: attached.exit.then(exitFields), kill: () => attached.kill() });
}

function exitFields(how: AttachedExit): Omit<AgentExit, "stderrTail"> {
  switch (how.status) {
    case "exited":
      return { code: how.exitCode };
    case "killed":
      return { signal: "SIGKILL" };
    case "infra":
      // An OOM kill is the agent's death (retried once); a vanished sandbox or daemon is final.
      return how.reason === "oom-killed" ? { signal: "SIGKILL (out of memory)" } : { sandboxGone: true };
    default:
      return assertNever(how, "attached exit");
  }
}
