/** An {@link AgentConnection} over a process's standard streams, whatever runs the process. */
import type { Readable, Writable } from "node:stream";
import type { AgentConnection, AgentExit } from "./agent-transport.ts";
import { createLineSplitter } from "./line-splitter.ts";
import { createStderrTail } from "./stderr-tail.ts";

/** The streams of a running agent, how its end is reported, and how to end it. */
export interface AgentStreams {
  readonly stdin: Writable;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Settles once the process has ended (never rejects). */
  readonly ended: Promise<Omit<AgentExit, "stderrTail">>;
  /** Ends the process forcefully. */
  kill(): Promise<unknown>;
}

/** Wraps the streams: stdout is split into lines, stderr's tail kept, the exit reported after the last line. */
export function streamAgentConnection(streams: AgentStreams): AgentConnection {
  const lineListeners: ((line: string) => void)[] = [];
  const exitListeners: ((exit: AgentExit) => void)[] = [];
  const stderr = createStderrTail();
  const splitter = createLineSplitter((line) => lineListeners.forEach((listener) => listener(line)));
  streams.stdout.on("data", (chunk: Buffer) => splitter.push(chunk));
  streams.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  streams.stdin.on("error", () => {}); // writes after the end: the exit reports it
  let exit: AgentExit | undefined;
  // Waiting for stdout to close as well keeps the agent's last lines ahead of its exit.
  const stdoutDone = new Promise<void>((resolve) => streams.stdout.once("close", resolve).once("end", resolve));
  const done = Promise.all([streams.ended, stdoutDone]).then(([how]) => {
    splitter.end();
    exit = { ...how, stderrTail: stderr.text() };
    for (const listener of exitListeners) listener(exit);
  });
  return {
    write(line) {
      if (!exit) streams.stdin.write(line);
    },
    onLine(listener) {
      lineListeners.push(listener);
    },
    onExit(listener) {
      if (exit) listener(exit);
      else exitListeners.push(listener);
    },
    async kill() {
      if (!exit) await streams.kill();
      await done;
    },
  };
}
