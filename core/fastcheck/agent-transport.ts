/**
 * How the driver reaches a type-check agent: a transport starts agent processes, each a
 * connection carrying lines both ways. A local child process (tests) and an attached exec in a
 * sandbox (real use) are two transports behind the same interface.
 */

/** How a connection ended. */
export interface AgentExit {
  /** Exit code when known. */
  readonly code?: number;
  /** Signal name when the process was killed by one. */
  readonly signal?: string;
  /** The last lines the agent wrote to stderr, for diagnosis. */
  readonly stderrTail: string;
  /** True when the sandbox that ran the agent is gone (so restarting cannot help). */
  readonly sandboxGone?: boolean;
}

/** One running agent process. */
export interface AgentConnection {
  /** Writes one protocol line (with its newline) to the agent's stdin. */
  write(line: string): void;
  /** Called with each line the agent writes to stdout, without the newline. */
  onLine(listener: (line: string) => void): void;
  /** Called once when the process is gone, however it ended. */
  onExit(listener: (exit: AgentExit) => void): void;
  /** Ends the process (forcefully) and resolves once it is gone. */
  kill(): Promise<void>;
}

/** Starts agent processes for one repository state (a directory, a sandbox). */
export interface AgentTransport {
  /** A short name for logs, e.g. "local /tmp/x" or "sandbox 3f2a…". */
  readonly description: string;
  /** Starts a new agent process; rejects with {@link AgentTransportError} when it cannot. */
  start(): Promise<AgentConnection>;
}

/** Why a transport could not start an agent. */
export class AgentTransportError extends Error {
  constructor(
    readonly reason: "sandbox-gone" | "start-failed",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "AgentTransportError";
  }
}
