/**
 * The fast tier's driver: keeps one warm type-check agent per repository state, sends it overlays,
 * matches answers by id, enforces a time limit per request, passes cancellations on, and restarts
 * the agent when it dies. A request in flight when its agent dies is retried once on the new
 * agent; a second death is an `infra` result, never a thrown error or a failed hypothesis.
 */
import { ForkliftError } from "../../shared/errors.ts";
import type { FileChanges } from "../../shared/file-changes.ts";
import type { AgentMessage, AgentRequest } from "./agent-protocol.ts";
import { formatAgentRequest, parseAgentLine } from "./agent-protocol.ts";
import type { AgentConnection, AgentExit, AgentTransport } from "./agent-transport.ts";
import { AgentTransportError } from "./agent-transport.ts";
import type { AgentHello, FastCheckResult, FastCheckUnavailableReason } from "./fast-check-result.ts";
import { checkOverlayPaths } from "./check-overlay-paths.ts";

/** Settings of a {@link FastChecker}. */
export interface FastCheckerOptions {
  readonly transport: AgentTransport;
  /** Limit per request, counted from when it reaches a ready agent. Default 30 s. */
  readonly requestTimeoutMs?: number;
  /** Limit for an agent to start and build its baseline. Default 5 min. */
  readonly startTimeoutMs?: number;
  /** How long a cancelled or timed-out request may keep the agent busy before it is restarted. Default 2 s. */
  readonly cancelGraceMs?: number;
  /** Observes the agent's lifecycle (logs, UI, tests). */
  readonly onEvent?: (event: FastCheckerEvent) => void;
}

/** Something that happened to the agent behind a {@link FastChecker}. */
export type FastCheckerEvent =
  | { readonly type: "agent-started"; readonly hello: AgentHello; readonly startMs: number }
  | { readonly type: "agent-unavailable"; readonly reason: FastCheckUnavailableReason; readonly detail: string }
  | { readonly type: "agent-exited"; readonly exit: AgentExit; readonly expected: boolean }
  | { readonly type: "request-retried"; readonly id: string };

/** Per-call settings of {@link FastChecker.check}. */
export interface FastCheckOptions {
  /** Aborting resolves the check as `cancelled` and cancels it in the agent. */
  readonly signal?: AbortSignal;
  /** Overrides the checker's request time limit for this call. */
  readonly timeoutMs?: number;
}

/** How starting the agent went. */
export type FastCheckerStart =
  | { readonly status: "ready"; readonly hello: AgentHello }
  | Extract<FastCheckResult, { status: "unavailable" | "infra" }>;

/** A warm type-checker for one repository state. */
export interface FastChecker {
  /** Starts the agent (if not running) and waits for its baseline; checks start it on demand too. */
  start(): Promise<FastCheckerStart>;
  /** Checks the repository with `changes` applied in memory: diagnostics of every affected file. */
  check(changes: FileChanges, options?: FastCheckOptions): Promise<FastCheckResult>;
  /** Every diagnostic of the unchanged repository (what `tsc --noEmit` reports there). */
  baseline(options?: FastCheckOptions): Promise<FastCheckResult>;
  /** Stops the agent; requests still open resolve as `cancelled`. */
  close(): Promise<void>;
}

interface Agent {
  readonly connection: AgentConnection;
  readonly hello: AgentHello;
  readonly inFlight: Map<string, Pending>;
  alive: boolean;
  /** Set when the driver kills the agent itself: its requests are re-sent without counting a crash. */
  killedOnPurpose: boolean;
}

interface Pending {
  readonly id: string;
  readonly request: AgentRequest;
  readonly timeoutMs: number;
  attempts: number;
  settled: boolean;
  agent?: Agent;
  sentAt?: number;
  timer?: NodeJS.Timeout;
  graceTimer?: NodeJS.Timeout;
  resolve(result: FastCheckResult): void;
}

type Started =
  | { readonly kind: "agent"; readonly agent: Agent }
  | { readonly kind: "final"; readonly result: Extract<FastCheckResult, { status: "unavailable" | "infra" }> }
  | { readonly kind: "died"; readonly detail: string };

/** Creates a driver for the agent behind `options.transport`; nothing starts until used. */
export function createFastChecker(options: FastCheckerOptions): FastChecker {
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const startTimeoutMs = options.startTimeoutMs ?? 300_000;
  const cancelGraceMs = options.cancelGraceMs ?? 2_000;
  const emit = (event: FastCheckerEvent) => options.onEvent?.(event);
  let current: Agent | undefined;
  let starting: Promise<Started> | undefined;
  let unavailable: Extract<FastCheckResult, { status: "unavailable" }> | undefined;
  let closed = false;
  let nextId = 1;
  const open = new Set<Pending>();

  function ensureAgent(): Promise<Started> {
    if (unavailable) return Promise.resolve({ kind: "final", result: unavailable });
    if (current?.alive) return Promise.resolve({ kind: "agent", agent: current });
    starting ??= startAgent().finally(() => (starting = undefined));
    return starting;
  }

  async function startAgent(): Promise<Started> {
    const began = performance.now();
    let connection: AgentConnection;
    try {
      connection = await options.transport.start();
    } catch (error) {
      if (error instanceof AgentTransportError && error.reason === "sandbox-gone") {
        return { kind: "final", result: { status: "infra", reason: "sandbox-gone", detail: error.message } };
      }
      return { kind: "died", detail: error instanceof Error ? error.message : String(error) };
    }
    const first = await firstMessage(connection, startTimeoutMs);
    if (first.kind === "exit") {
      if (first.exit.sandboxGone) return { kind: "final", result: { status: "infra", reason: "sandbox-gone", detail: describeExit(first.exit) } };
      return { kind: "died", detail: `the agent exited while starting: ${describeExit(first.exit)}` };
    }
    if (first.kind === "timeout" || first.message.kind !== "hello") {
      await connection.kill();
      return { kind: "died", detail: first.kind === "timeout" ? `no hello within ${startTimeoutMs} ms` : "the agent did not start with a hello line" };
    }
    const hello = first.message;
    if (hello.typescript === null || !hello.tsconfig || hello.reason !== undefined) {
      const reason = unavailableReason(hello);
      unavailable = { status: "unavailable", reason, detail: hello.detail ?? reason };
      emit({ type: "agent-unavailable", reason, detail: unavailable.detail });
      void connection.kill();
      return { kind: "final", result: unavailable };
    }
    const agent: Agent = {
      connection,
      hello: {
        typescript: hello.typescript,
        tsconfig: hello.tsconfig,
        rootFiles: hello.rootFiles ?? 0,
        sourceFiles: hello.sourceFiles ?? 0,
        baselineMs: hello.baselineMs ?? 0,
        baselineDiagnostics: hello.baselineDiagnostics ?? 0,
        pid: hello.pid,
      },
      inFlight: new Map(),
      alive: true,
      killedOnPurpose: false,
    };
    connection.onLine((line) => onLine(agent, line));
    connection.onExit((exit) => onExit(agent, exit));
    if (closed) {
      agent.killedOnPurpose = true;
      void connection.kill();
    } else current = agent;
    emit({ type: "agent-started", hello: agent.hello, startMs: Math.round(performance.now() - began) });
    return { kind: "agent", agent };
  }

  function onLine(agent: Agent, line: string): void {
    const message = parseAgentLine(line);
    if (!message || message.kind === "hello" || message.kind === "cancel-ack") return;
    const pending = agent.inFlight.get(String(message.id));
    if (!pending) return;
    agent.inFlight.delete(pending.id);
    clearTimeout(pending.graceTimer);
    settle(pending, toResult(pending, message));
  }

  function toResult(pending: Pending, message: Extract<AgentMessage, { kind: "result" | "error" }>): FastCheckResult {
    if (message.kind === "result") {
      const roundTripMs = Math.round((performance.now() - (pending.sentAt ?? performance.now())) * 10) / 10;
      const cpu = message.cpuMs === undefined ? {} : { cpuMs: message.cpuMs };
      return { status: "checked", diagnostics: message.diagnostics, files: message.files, ms: message.ms, ...cpu, roundTripMs };
    }
    if (message.code === "cancelled") return { status: "cancelled" };
    return { status: "infra", reason: "agent-error", detail: `${message.code}: ${message.message}` };
  }

  function onExit(agent: Agent, exit: AgentExit): void {
    agent.alive = false;
    if (current === agent) current = undefined;
    emit({ type: "agent-exited", exit, expected: agent.killedOnPurpose || closed });
    const orphans = [...agent.inFlight.values()];
    agent.inFlight.clear();
    for (const pending of orphans) {
      clearTimeout(pending.timer);
      clearTimeout(pending.graceTimer);
      if (pending.settled) continue;
      if (exit.sandboxGone) {
        settle(pending, { status: "infra", reason: "sandbox-gone", detail: describeExit(exit) });
        continue;
      }
      if (!agent.killedOnPurpose) {
        pending.attempts++;
        if (pending.attempts >= 2) {
          settle(pending, { status: "infra", reason: "agent-crashed", detail: `the agent died twice on this request; last: ${describeExit(exit)}` });
          continue;
        }
        emit({ type: "request-retried", id: pending.id });
      }
      void dispatch(pending);
    }
  }

  async function dispatch(pending: Pending): Promise<void> {
    while (!pending.settled) {
      const started = await ensureAgent();
      if (pending.settled) return;
      if (started.kind === "final") return settle(pending, started.result);
      if (started.kind === "died") {
        pending.attempts++;
        if (pending.attempts >= 2) return settle(pending, { status: "infra", reason: "agent-crashed", detail: started.detail });
        emit({ type: "request-retried", id: pending.id });
        continue;
      }
      return send(started.agent, pending);
    }
  }

  function send(agent: Agent, pending: Pending): void {
    pending.agent = agent;
    pending.sentAt = performance.now();
    agent.inFlight.set(pending.id, pending);
    pending.timer = setTimeout(() => {
      settle(pending, { status: "infra", reason: "timeout", detail: `no answer within ${pending.timeoutMs} ms` });
      cancelInAgent(pending);
    }, pending.timeoutMs);
    agent.connection.write(formatAgentRequest(pending.request));
  }

  /** Asks the agent to drop a request; restarts the agent if it is still busy with it after the grace time. */
  function cancelInAgent(pending: Pending): void {
    const agent = pending.agent;
    if (!agent?.alive || !agent.inFlight.has(pending.id)) return;
    agent.connection.write(formatAgentRequest({ id: `cancel-${pending.id}`, cancel: pending.id }));
    pending.graceTimer = setTimeout(() => {
      if (!agent.alive || !agent.inFlight.has(pending.id)) return;
      agent.inFlight.delete(pending.id);
      agent.killedOnPurpose = true;
      void agent.connection.kill();
    }, cancelGraceMs);
  }

  function settle(pending: Pending, result: FastCheckResult): void {
    if (pending.settled) return;
    pending.settled = true;
    clearTimeout(pending.timer);
    open.delete(pending);
    pending.resolve(result);
  }

  function request(build: (id: string) => AgentRequest, callOptions: FastCheckOptions = {}): Promise<FastCheckResult> {
    if (closed) throw new ForkliftError("internal", "the fast checker is closed");
    const id = `r${nextId++}`;
    return new Promise<FastCheckResult>((resolve) => {
      const pending: Pending = { id, request: build(id), timeoutMs: callOptions.timeoutMs ?? requestTimeoutMs, attempts: 0, settled: false, resolve };
      open.add(pending);
      const signal = callOptions.signal;
      if (signal?.aborted) return settle(pending, { status: "cancelled" });
      signal?.addEventListener(
        "abort",
        () => {
          settle(pending, { status: "cancelled" });
          cancelInAgent(pending);
        },
        { once: true },
      );
      void dispatch(pending);
    });
  }

  return {
    async start() {
      if (closed) throw new ForkliftError("internal", "the fast checker is closed");
      for (let attempt = 1; ; attempt++) {
        const started = await ensureAgent();
        if (started.kind === "agent") return { status: "ready", hello: started.agent.hello };
        if (started.kind === "final") return started.result;
        if (attempt >= 2) return { status: "infra", reason: "agent-crashed", detail: started.detail };
      }
    },
    check(changes, callOptions) {
      checkOverlayPaths(changes);
      return request((id) => ({ id, overlay: changes }), callOptions);
    },
    baseline(callOptions) {
      return request((id) => ({ id, baseline: true }), callOptions);
    },
    async close() {
      closed = true;
      for (const pending of [...open]) {
        clearTimeout(pending.graceTimer);
        settle(pending, { status: "cancelled" });
      }
      const agent = current ?? (await starting?.then((s) => (s.kind === "agent" ? s.agent : undefined)));
      current = undefined;
      if (agent?.alive) {
        agent.killedOnPurpose = true;
        await agent.connection.kill();
      }
    },
  };
}

/** Waits for the first protocol line, the process's end, or the time limit. */
function firstMessage(
  connection: AgentConnection,
  timeoutMs: number,
): Promise<{ kind: "message"; message: AgentMessage } | { kind: "exit"; exit: AgentExit } | { kind: "timeout" }> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (value: Parameters<typeof resolve>[0]) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(value);
    };
    const timer = setTimeout(() => finish({ kind: "timeout" }), timeoutMs);
    connection.onLine((line) => {
      const message = parseAgentLine(line);
      if (message) finish({ kind: "message", message });
    });
    connection.onExit((exit) => finish({ kind: "exit", exit }));
  });
}

function describeExit(exit: AgentExit): string {
  const how = exit.signal ? `killed by ${exit.signal}` : exit.code !== undefined ? `exit code ${exit.code}` : "ended";
  const tail = exit.stderrTail.split("\n").slice(-3).join(" | ");
  return tail ? `${how}; stderr: ${tail}` : how;
}

/** Why a hello that brings no baseline means the fast tier cannot judge this repository. */
function unavailableReason(hello: Extract<AgentMessage, { kind: "hello" }>): FastCheckUnavailableReason {
  if (hello.reason === "no-tsconfig") return "no-tsconfig";
  if (hello.reason === "no-compiler-api") return "unsupported-typescript";
  return hello.typescript === null ? "no-typescript" : "agent-failed";
}
