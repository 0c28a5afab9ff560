/**
 * `npm start`: the studio with the demo ready, in the desktop window where Electron's binary is
 * installed, otherwise (after one line saying why) in the browser host, through core's
 * startStudio (which builds the renderer first when stale). The window builds the bundles
 * (build:electron, about a second) and runs the engine under the Node that runs this script
 * (FORKLIFT_NODE, see engine-launch.ts), on the CLI's store (.forklift/forklift.db here, or
 * FORKLIFT_STORE), so it shows the sessions the CLI ran.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startStudio } from "../../core/hosts/cli/start-studio.ts";
import type { DesktopWindow } from "../../core/hosts/cli/start-studio.ts";
import { buildElectron, repositoryRoot } from "./build-electron.ts";

/** The Electron executable npm installed (node_modules/electron/dist/…), or why it is not there. */
export function electronBinary(root = repositoryRoot): { ok: true; path: string } | { ok: false; reason: string } {
  const pkg = path.join(root, "node_modules", "electron");
  const pathFile = path.join(pkg, "path.txt");
  if (!existsSync(path.join(pkg, "dist")) || !existsSync(pathFile)) {
    return { ok: false, reason: "Electron's binary is not installed (node_modules/electron/dist is missing: the install skipped it or could not reach GitHub; fetch it with node node_modules/electron/install.js)" };
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
    env: { ...process.env, FORKLIFT_NODE: process.env.FORKLIFT_NODE ?? process.execPath, FORKLIFT_STORE: process.env.FORKLIFT_STORE ?? path.resolve(".forklift", "forklift.db") },
  });
  const stop = () => child.kill("SIGTERM");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 130 : 1))));
}

/** The desktop window for startStudio: "unavailable", after one line saying why, where the binary is missing. */
export function electronWindow(args: readonly string[], binary = electronBinary()): DesktopWindow {
  return async () => {
    if (!binary.ok) {
      process.stdout.write(`start: no desktop window: ${binary.reason}; opening the studio in the browser instead\n`);
      return "unavailable";
    }
    return startElectron(binary.path, ["--demo", ...args.filter((arg) => arg !== "--no-open")]);
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  process.exitCode = await startStudio(argv, electronWindow(argv));
}
