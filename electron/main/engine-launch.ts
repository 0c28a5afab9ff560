/**
 * How the engine process is started, and why. The engine loads native modules built for one ABI
 * (better-sqlite3 is compiled against V8's ABI; @ast-grep/napi is N-API and loads anywhere):
 *
 * - Packaged app: an Electron utility process. electron-builder rebuilt the native modules for
 *   Electron's ABI, and the MessagePort to the renderer goes straight to the engine.
 * - Development (`npm start`): node_modules holds Node's builds (the CLI, the browser host and the
 *   tests need them), and Electron's own Node, even as `ELECTRON_RUN_AS_NODE`, has Electron's ABI,
 *   so it cannot load them; rebuilding them in place would break everything else. So the engine
 *   runs under the Node that ran npm (`FORKLIFT_NODE`, else `node` on PATH), as a child process
 *   with an IPC channel, and the main process relays each renderer port's messages to it. The
 *   engine code is the same bundle either way; only the last hop differs.
 *
 * `FORKLIFT_ENGINE_PROCESS=utility|node` overrides the choice (e.g. `utility` in development after
 * rebuilding the native modules for Electron in a separate checkout).
 */
import path from "node:path";

/** A way to start the engine process. */
export type EngineLaunch =
  | { kind: "utility"; script: string; reason: string }
  | { kind: "node"; nodePath: string; script: string; reason: string };

/** What the choice depends on. */
export interface EngineLaunchInput {
  readonly isPackaged: boolean;
  /** The folder of the bundled main process (dist/electron), which holds engine-host.cjs. */
  readonly bundleDir: string;
  readonly env: NodeJS.ProcessEnv;
}

/** The bundled engine entry beside the main bundle. */
export const engineHostBundle = "engine-host.cjs";

/** Chooses how to start the engine (see the file comment). */
export function chooseEngineLaunch(input: EngineLaunchInput): EngineLaunch {
  const script = path.join(input.bundleDir, engineHostBundle);
  const forced = input.env.FORKLIFT_ENGINE_PROCESS;
  const nodePath = input.env.FORKLIFT_NODE || "node";
  if (forced === "utility") return { kind: "utility", script, reason: "FORKLIFT_ENGINE_PROCESS=utility" };
  if (forced === "node") return { kind: "node", nodePath, script, reason: "FORKLIFT_ENGINE_PROCESS=node" };
  if (input.isPackaged) return { kind: "utility", script, reason: "packaged: native modules rebuilt for Electron" };
  return { kind: "node", nodePath, script, reason: "development: native modules in node_modules are built for Node" };
}
