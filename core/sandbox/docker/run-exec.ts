/**
 * Runs a command in a sandbox to completion under the exec wrapper: streamed and capped output,
 * a timeout that kills the whole process tree, and an outcome that tells the command's failure
 * from the infrastructure's (memory or process limit, daemon or container gone).
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { StringDecoder } from "node:string_decoder";
import type { Duplex } from "node:stream";
import type { Exec } from "dockerode";
import type { ExecOutcome, ExecResult, InfraReason } from "../exec-result.ts";
import { killGroupCommand, parseMarker, wrapCommand } from "../exec-wrapper.ts";
import { MarkerFilter } from "../marker-filter.ts";
import { OutputCapture } from "../output-capture.ts";
import type { ExecRequest, OutputChunk } from "../sandbox-driver.ts";
import { StreamDemuxer } from "../stream-demux.ts";
import type { DockerClient } from "./docker-client.ts";
import { classifyDockerError, daemonMessage } from "./docker-errors.ts";
import { internalExec } from "./internal-exec.ts";
import { settledFate } from "./sandbox-container.ts";

/** Default time limit of a command. */
export const defaultTimeoutMs = 10 * 60_000;
/** Default bytes kept per output stream. */
export const defaultMaxOutputBytes = 1024 * 1024;
/** Extra time the in-sandbox watchdog gets before the host steps in. */
const backstopGraceMs = 10_000;

/** The container a command runs in. */
export interface ExecTarget {
  readonly id: string;
  readonly workdir: string;
}

/** Per-run state the wrapper's markers and the host's timers fill in. */
interface RunState {
  pgid?: number;
  end?: { exitCode: number; oomKills: number; pidsLimitHits: number };
  timedOut: boolean;
}

/** Runs a command and reports how it ended; throws only for errors that are neither the command's nor the sandbox's. */
export async function runExec(client: DockerClient, target: ExecTarget, request: ExecRequest): Promise<ExecResult> {
  const started = performance.now();
  const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
  const nonce = randomBytes(6).toString("hex");
  const output = outputSinks(request.maxOutputBytes ?? defaultMaxOutputBytes, request.onOutput);
  const state: RunState = { timedOut: false };
  const finish = (outcome: ExecOutcome, limitsHit = { memory: false, pids: false }): ExecResult => ({
    ...outcome,
    stdout: output.stdout.result(),
    stderr: output.stderr.result(),
    durationMs: Math.round(performance.now() - started),
    limitsHit,
  });

  const filter = new MarkerFilter(
    nonce,
    (bytes) => output.write("stderr", bytes),
    (text) => {
      const marker = parseMarker(text);
      if (marker?.kind === "pgid") state.pgid = marker.pgid;
      else if (marker?.kind === "timeout") state.timedOut = true;
      else if (marker?.kind === "end") state.end = marker;
    },
  );
  const demux = new StreamDemuxer((stream, payload) => (stream === "stderr" ? filter.push(payload) : output.write("stdout", payload)));
  const hasStdin = request.stdin !== undefined;

  let exec: Exec;
  let stream: NodeJS.ReadableStream;
  try {
    exec = await client.call((api) =>
      api.getContainer(target.id).exec({
        Cmd: wrapCommand(request.command, { timeoutMs, nonce }),
        AttachStdin: hasStdin,
        AttachStdout: true,
        AttachStderr: true,
        WorkingDir: request.cwd ? path.posix.resolve(target.workdir, request.cwd) : target.workdir,
        Env: Object.entries(request.env ?? {}).map(([key, value]) => `${key}=${value}`),
      }),
    );
    stream = await client.call(() => exec.start({ hijack: hasStdin, stdin: hasStdin, Detach: false }));
  } catch (error) {
    return finish(infraOutcome(error) ?? rethrow(error));
  }
  if (request.stdin !== undefined) void feedStdin(stream as Duplex, request.stdin);

  const backstop = timeoutMs > 0 ? setTimeout(() => void hostKill(client, target, stream, state), timeoutMs + backstopGraceMs) : undefined;
  let streamError: unknown;
  try {
    await new Promise<void>((resolve, reject) => {
      stream.on("data", (chunk: Buffer) => demux.push(chunk));
      stream.on("end", resolve);
      stream.on("close", resolve);
      stream.on("error", reject);
    });
  } catch (error) {
    streamError = error;
  } finally {
    clearTimeout(backstop);
    filter.flush();
    output.flush();
  }
  if (streamError !== undefined && !state.timedOut) return finish(infraOutcome(streamError) ?? { status: "infra", reason: "daemon-unreachable", detail: daemonMessage(streamError) });

  let exitCode = state.end?.exitCode;
  if (exitCode === undefined) {
    try {
      const info = await client.call(() => exec.inspect());
      exitCode = info.ExitCode ?? undefined;
    } catch (error) {
      return finish(infraOutcome(error) ?? rethrow(error));
    }
  }
  const limitsHit = { memory: (state.end?.oomKills ?? 0) > 0, pids: (state.end?.pidsLimitHits ?? 0) > 0 };
  if (!state.end) {
    // The wrapper itself did not finish: the container stopped, or the kernel killed the wrapper.
    const gone = await sandboxGone(client, target.id);
    if (gone) return finish(gone, limitsHit);
    if (exitCode === 137 && !state.timedOut && (await oomKillsSoFar(client, target.id)) > 0) limitsHit.memory = true;
  }
  return finish(classify(exitCode, state.timedOut, timeoutMs, limitsHit), limitsHit);
}

/** Decides the outcome: a resource limit the command ran into beats its own failure or timeout. */
function classify(exitCode: number | undefined, timedOut: boolean, timeoutMs: number, limitsHit: { memory: boolean; pids: boolean }): ExecOutcome {
  const failed = timedOut || exitCode !== 0;
  if (failed && limitsHit.memory) return { status: "infra", reason: "oom-killed", detail: "the sandbox's memory limit was reached and the kernel killed a process" };
  if (failed && limitsHit.pids) return { status: "infra", reason: "pids-limit", detail: "the sandbox's process limit was reached (a process could not fork)" };
  if (timedOut) return { status: "timed-out", timeoutMs };
  if (exitCode === undefined) return { status: "infra", reason: "sandbox-gone", detail: "the engine did not report an exit code" };
  return { status: "exited", exitCode };
}

/** The infrastructure outcome an API error means, or undefined when it means something else. */
function infraOutcome(error: unknown): ExecOutcome | undefined {
  const fault = classifyDockerError(error);
  const detail = daemonMessage(error);
  const infra = (reason: InfraReason): ExecOutcome => ({ status: "infra", reason, detail });
  if (fault === "unreachable") return infra("daemon-unreachable");
  if (fault === "not-found" || fault === "conflict") return infra("sandbox-gone");
  if (/resource temporarily unavailable|cannot fork/i.test(detail)) return infra("pids-limit");
  if (/cannot allocate memory|out of memory/i.test(detail)) return infra("oom-killed");
  return undefined;
}

/** When the container is no longer running: why (OOM-killed, stopped, removed); undefined while it runs. */
async function sandboxGone(client: DockerClient, id: string): Promise<ExecOutcome | undefined> {
  try {
    const fate = await settledFate(client, id);
    if (fate === "running") return undefined;
    if (fate === "oom-killed") return { status: "infra", reason: "oom-killed", detail: "the sandbox was OOM-killed and stopped" };
    return { status: "infra", reason: "sandbox-gone", detail: `the sandbox was ${fate}` };
  } catch (error) {
    return infraOutcome(error) ?? { status: "infra", reason: "sandbox-gone", detail: daemonMessage(error) };
  }
}

/** The container's OOM-kill counter (cumulative); 0 when it cannot be read. */
async function oomKillsSoFar(client: DockerClient, id: string): Promise<number> {
  const read = 'for f in /sys/fs/cgroup/memory.events /sys/fs/cgroup/memory/memory.oom_control; do [ -r "$f" ] && exec cat "$f"; done';
  const result = await internalExec(client, id, ["sh", "-c", read]).catch(() => undefined);
  return Number(/oom_kill (\d+)/.exec(result?.stdout ?? "")?.[1] ?? 0);
}

/** The host's backstop when the in-sandbox watchdog did not end the command: kill the group from outside, then cut the stream. */
async function hostKill(client: DockerClient, target: ExecTarget, stream: NodeJS.ReadableStream, state: RunState): Promise<void> {
  state.timedOut = true;
  if (state.pgid !== undefined) await internalExec(client, target.id, killGroupCommand(state.pgid)).catch(() => undefined);
  setTimeout(() => (stream as Duplex).destroy(), 5_000).unref();
}

/** Writes the request's stdin and closes it (half-close, so the command sees end-of-file). */
async function feedStdin(socket: Duplex, stdin: NonNullable<ExecRequest["stdin"]>): Promise<void> {
  socket.on("error", () => undefined);
  try {
    if (typeof stdin === "string" || stdin instanceof Uint8Array) {
      socket.write(stdin);
    } else {
      for await (const chunk of stdin) {
        if (!socket.write(chunk)) await new Promise((resolve) => socket.once("drain", resolve));
      }
    }
  } catch {
    // The command may exit before reading all of its input.
  } finally {
    socket.end();
  }
}

/** Captures and forwards both output streams, decoding UTF-8 across chunk boundaries for the callback. */
function outputSinks(maxBytes: number, onOutput: ((chunk: OutputChunk) => void) | undefined) {
  const stdout = new OutputCapture(maxBytes);
  const stderr = new OutputCapture(maxBytes);
  const decoders = { stdout: new StringDecoder("utf8"), stderr: new StringDecoder("utf8") };
  const forward = (stream: "stdout" | "stderr", text: string) => {
    if (!onOutput || text.length === 0) return;
    try {
      onOutput({ stream, text });
    } catch {
      // A failing listener must not lose the result.
    }
  };
  return {
    stdout,
    stderr,
    write(stream: "stdout" | "stderr", bytes: Buffer): void {
      (stream === "stdout" ? stdout : stderr).push(bytes);
      if (onOutput) forward(stream, decoders[stream].write(bytes));
    },
    flush(): void {
      forward("stdout", decoders.stdout.end());
      forward("stderr", decoders.stderr.end());
    },
  };
}

function rethrow(error: unknown): never {
  throw error;
}
