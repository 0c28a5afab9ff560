/**
 * `npm run dist:electron [-- --linux|--mac|--win …]`: packages the studio with electron-builder
 * (electron-builder.yml) after building the renderer and the bundles. electron-builder rebuilds
 * the native modules in node_modules for Electron's ABI; afterwards they are rebuilt for Node
 * again, since the CLI, the browser host and the tests load them from the same node_modules.
 * It needs GitHub (Electron's zips, AppImage/nsis/fpm tools): on a machine without it, it stops
 * at the first download with electron-builder's own message.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildElectron, repositoryRoot } from "./build-electron.ts";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (command: string, args: string[]): number => spawnSync(command, args, { cwd: repositoryRoot, stdio: "inherit" }).status ?? 1;

let status = run(npm, ["run", "build:renderer"]);
if (status === 0) {
  await buildElectron();
  const builder = path.join(repositoryRoot, "node_modules", ".bin", process.platform === "win32" ? "electron-builder.cmd" : "electron-builder");
  status = run(builder, ["--config", "electron-builder.yml", ...process.argv.slice(2)]);
  const restored = run(npm, ["rebuild", "better-sqlite3"]);
  if (restored !== 0) console.error("forklift: could not rebuild better-sqlite3 for Node after packaging: run `npm rebuild better-sqlite3`");
}
process.exit(status);
