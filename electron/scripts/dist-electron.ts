/**
 * `npm run dist:electron [-- --linux|--mac|--win …]`: packages the studio with electron-builder
 * (electron-builder.yml) after building the renderer and the bundles. electron-builder rebuilds
 * the native modules in node_modules for Electron's ABI; afterwards they are rebuilt for Node
 * again, since the CLI, the browser host and the tests load them from the same node_modules.
 * It needs GitHub (Electron's zips, AppImage/nsis/fpm tools): on a machine without it, it stops
 * at the first download with electron-builder's own message. It needs Node ≥ 22.12 too:
 * electron-builder 26 rebuilds the native modules with @electron/rebuild 4, which requires it
 * (installing on Node 20 works; packaging does not).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildElectron, repositoryRoot } from "./build-electron.ts";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (command: string, args: string[]): number => spawnSync(command, args, { cwd: repositoryRoot, stdio: "inherit" }).status ?? 1;

const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`forklift: packaging needs Node.js ≥ 22.12 (electron-builder's native rebuild); this is ${process.version}: run npm run dist:electron under Node 22 or 24`);
  process.exit(2);
}

let status = run(npm, ["run", "build:renderer"]);
if (status === 0) {
  await buildElectron();
  const builder = path.join(repositoryRoot, "node_modules", ".bin", process.platform === "win32" ? "electron-builder.cmd" : "electron-builder");
  status = run(builder, ["--config", "electron-builder.yml", ...process.argv.slice(2)]);
  const restored = run(npm, ["rebuild", "better-sqlite3"]);
  if (restored !== 0) console.error("forklift: could not rebuild better-sqlite3 for Node after packaging: run `npm rebuild better-sqlite3`");
}
process.exit(status);
