/** Runs a short helper command in a container (no wrapper, no timeout): for the engine's own chores, not user commands. */
import type { DockerClient } from "./docker-client.ts";
import { StreamDemuxer } from "../stream-demux.ts";

/** What a helper command printed and how it exited. */
export interface InternalExecResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `argv` in the container as its default user (in `cwd` when given) and waits for it. */
export async function internalExec(client: DockerClient, containerId: string, argv: readonly string[], cwd?: string): Promise<InternalExecResult> {
  const exec = await client.call((api) =>
    api.getContainer(containerId).exec({ Cmd: [...argv], AttachStdout: true, AttachStderr: true, ...(cwd ? { WorkingDir: cwd } : {}) }),
  );
  const stream = await client.call(() => exec.start({ hijack: false, stdin: false, Detach: false }));
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const demux = new StreamDemuxer((which, payload) => (which === "stdout" ? out : err).push(Buffer.from(payload)));
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => demux.push(chunk));
    stream.on("end", resolve);
    stream.on("close", resolve);
    stream.on("error", reject);
  });
  const info = await client.call(() => exec.inspect());
  return { exitCode: info.ExitCode ?? -1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}
