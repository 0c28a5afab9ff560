/**
 * Starts a long-running process in a sandbox with its standard streams attached (e.g. a warm
 * type-checker answering JSON lines on stdin/stdout). It runs under the exec wrapper without a
 * timeout, so `kill()` ends it and everything it started, and the sandbox stays usable.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { PassThrough, Writable, type Duplex } from "node:stream";
import type { AttachedExit, AttachedProcess, AttachRequest } from "../sandbox-driver.ts";
import { killGroupCommand, parseMarker, wrapCommand } from "../exec-wrapper.ts";
import { MarkerFilter } from "../marker-filter.ts";
import { StreamDemuxer } from "../stream-demux.ts";
import type { DockerClient } from "./docker-client.ts";
import { classifyDockerError, daemonMessage } from "./docker-errors.ts";
import { internalExec } from "./internal-exec.ts";
import { settledFate } from "./sandbox-container.ts";
import type { ExecTarget } from "./run-exec.ts";

/** Starts the process; rejects when it cannot be started at all. */
export async function attachExec(client: DockerClient, target: ExecTarget, request: AttachRequest): Promise<AttachedProcess> {
  const nonce = randomBytes(6).toString("hex");
  const exec = await client.call((api) =>
    api.getContainer(target.id).exec({
      Cmd: wrapCommand(request.command, { timeoutMs: 0, nonce }),
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      WorkingDir: request.cwd ? path.posix.resolve(target.workdir, request.cwd) : target.workdir,
      Env: Object.entries(request.env ?? {}).map(([key, value]) => `${key}=${value}`),
    }),
  );
  const socket = (await client.call(() => exec.start({ hijack: true, stdin: true, Detach: false }))) as Duplex;

  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let pgid: number | undefined;
  let ended: { exitCode: number; oomKills: number } | undefined;
  let killed = false;
  let pgidSeen: () => void = () => undefined;
  const pgidKnown = new Promise<void>((resolve) => (pgidSeen = resolve));
  const filter = new MarkerFilter(
    nonce,
    (bytes) => stderr.write(bytes),
    (text) => {
      const marker = parseMarker(text);
      if (marker?.kind === "pgid") {
        pgid = marker.pgid;
        pgidSeen();
      } else if (marker?.kind === "end") ended = marker;
    },
  );
  const demux = new StreamDemuxer((which, payload) => (which === "stderr" ? filter.push(payload) : stdout.write(payload)));

  const exit = new Promise<AttachedExit>((resolve) => {
    let settled = false;
    const settle = async (error?: unknown) => {
      if (settled) return;
      settled = true;
      filter.flush();
      stdout.end();
      stderr.end();
      pgidSeen();
      if (error !== undefined && classifyDockerError(error) === "unreachable") {
        return resolve({ status: "infra", reason: "daemon-unreachable", detail: daemonMessage(error) });
      }
      if (killed) return resolve({ status: "killed" });
      if (ended) {
        if (ended.oomKills > 0 && ended.exitCode !== 0) return resolve({ status: "infra", reason: "oom-killed", detail: "the sandbox's memory limit was reached" });
        return resolve({ status: "exited", exitCode: ended.exitCode });
      }
      const fate = await settledFate(client, target.id).catch((inspectError: unknown) => inspectError);
      if (typeof fate !== "string") return resolve({ status: "infra", reason: "daemon-unreachable", detail: daemonMessage(fate) });
      if (fate === "oom-killed") return resolve({ status: "infra", reason: "oom-killed", detail: "the sandbox was OOM-killed and stopped" });
      if (fate !== "running") return resolve({ status: "infra", reason: "sandbox-gone", detail: `the sandbox was ${fate}` });
      const code = await client.call(() => exec.inspect()).then((i) => i.ExitCode ?? -1, () => -1);
      resolve({ status: "exited", exitCode: code });
    };
    socket.on("data", (chunk: Buffer) => demux.push(chunk));
    socket.on("end", () => void settle());
    socket.on("close", () => void settle());
    socket.on("error", (error) => void settle(error));
  });

  // A Writable of our own, so the caller's end() half-closes the socket instead of destroying it.
  const stdin = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (socket.writable) socket.write(chunk, callback);
      else callback();
    },
    final(callback) {
      if (socket.writable) socket.end();
      callback();
    },
  });
  stdin.on("error", () => undefined);

  return {
    stdin,
    stdout,
    stderr,
    exit,
    async kill() {
      killed = true;
      await pgidKnown;
      if (pgid !== undefined) await internalExec(client, target.id, killGroupCommand(pgid)).catch(() => undefined);
      const timer = setTimeout(() => socket.destroy(), 5_000);
      const result = await exit;
      clearTimeout(timer);
      return result;
    },
  };
}
