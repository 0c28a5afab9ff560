/**
 * The engine as a Node child process (development, see engine-launch.ts): the engine bundle run
 * by the Node that ran npm, with an IPC channel to the main process. JSON serialization, since
 * the two sides may run different V8 versions.
 */
import { spawn } from "node:child_process";
import type { ToEngine } from "../ipc/engine-control.ts";
import type { EngineChild } from "./engine-supervisor.ts";

/** Starts `script` under `nodePath` as the engine process. */
export function spawnNodeEngineChild(nodePath: string, script: string, env: NodeJS.ProcessEnv): EngineChild {
  const child = spawn(nodePath, [script], { stdio: ["ignore", "inherit", "inherit", "ipc"], env, serialization: "json" });
  let exited = false;
  const exitListeners: ((code: number | null, problem?: string) => void)[] = [];
  const finish = (code: number | null, problem?: string): void => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code, problem);
  };
  child.on("error", (error: NodeJS.ErrnoException) =>
    finish(
      null,
      error.code === "ENOENT"
        ? `Node.js was not found at "${nodePath}" to run the engine: install Node.js ≥ 20.19 or set FORKLIFT_NODE to its path`
        : `the engine process could not start: ${error.message}`,
    ),
  );
  child.on("exit", (code) => finish(code));
  return {
    kind: "node",
    send(message: ToEngine) {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => void child.on("message", listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => void child.kill("SIGKILL"),
  };
}
