/**
 * The Electron branch of `npm start`: where Electron's binary is installed, builds the bundles
 * (build:electron, about a second) and opens the studio window; the engine runs under the Node
 * that runs this script (FORKLIFT_NODE, see engine-launch.ts). Where the binary is missing it
 * says why, and the start script falls back to the browser host. The renderer must be built
 * first (the start script does it when stale).
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildElectron, repositoryRoot } from "./build-electron.ts";

/** The Electron executable npm installed (node_modules/electron/dist/…), or why it is not there. */
export function electronBinary(root = repositoryRoot): { ok: true; path: string } | { ok: false; reason: string } {
  const pkg = path.join(root, "node_modules", "electron");
  const pathFile = path.join(pkg, "path.txt");
  if (!existsSync(path.join(pkg, "dist")) || !existsSync(pathFile)) {
    return { ok: false, reason: "Electron's binary is not installed (node_modules/electron/dist is missing: GitHub was unreachable at install; retry with node node_modules/electron/install.js)" };
  }
  const executable = path.join(pkg, "dist", readFileSync(pathFile, "utf8").trim());
  return existsSync(executable) ? { ok: true, path: executable } : { ok: false, reason: `Electron's binary is missing at ${executable}: reinstall it with node node_modules/electron/install.js` };
}

/** Builds the bundles and runs the studio window until it closes; resolves with Electron's exit code. */
export async function startElectron(executable: string, args: readonly string[] = []): Promise<number> {
  await buildElectron();
  const child = spawn(executable, [path.join(repositoryRoot, "dist", "electron", "main.cjs"), ...args], {
    cwd: repositoryRoot,
    stdio: "inherit",
    env: { ...process.env, FORKLIFT_NODE: process.env.FORKLIFT_NODE ?? process.execPath },
  });
  const stop = () => child.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 130 : 1))));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const binary = electronBinary();
  if (!binary.ok) {
    console.error(`forklift: ${binary.reason}`);
    process.exit(3);
  }
  process.exitCode = await startElectron(binary.path, process.argv.slice(2));
}
