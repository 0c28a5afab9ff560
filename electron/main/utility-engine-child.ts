/** The engine as an Electron utility process (the packaged app, see engine-launch.ts). */
import { utilityProcess } from "electron";
import type { MessagePortMain } from "electron";
import type { ToEngine } from "../ipc/engine-control.ts";
import type { EngineChild } from "./engine-supervisor.ts";

/** Forks `script` as a utility process named "Forklift engine". */
export function forkUtilityEngineChild(script: string, env: NodeJS.ProcessEnv): EngineChild {
  const child = utilityProcess.fork(script, [], { env, serviceName: "Forklift engine", stdio: "inherit" });
  let exited = false;
  const exitListeners: ((code: number | null, problem?: string) => void)[] = [];
  child.on("exit", (code) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code);
  });
  return {
    kind: "utility",
    send(message: ToEngine, transfer) {
      if (!exited) child.postMessage(message, transfer as unknown as MessagePortMain[] | undefined);
    },
    onMessage: (listener) => void child.on("message", listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => void child.kill(),
  };
}
