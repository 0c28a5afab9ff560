// Fetches Electron's binary after `npm install` when the network allows it.
// Electron's own postinstall is denied in package.json (allowScripts) because it fails the whole
// install where GitHub is unreachable; here a failure only means the desktop shell is unavailable,
// while the headless engine, the CLI and the browser host keep working.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const installer = "node_modules/electron/install.js";
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD || !existsSync(installer)) process.exit(0);
const result = spawnSync(process.execPath, [installer], { stdio: "pipe", timeout: 120_000 });
if (result.status !== 0) {
  console.log(
    "forklift: Electron's binary could not be downloaded; the desktop window is unavailable " +
      "(the CLI and the browser host work). Retry later with: node node_modules/electron/install.js",
  );
}
