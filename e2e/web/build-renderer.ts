/** Global setup of the web e2e: builds the renderer the studio serves (vite, a few seconds), so the tests see the current sources. */
import { spawnSync } from "node:child_process";
import { repositoryRoot } from "./studio-process.ts";

/** Runs `npm run build:renderer`; fails the run when it fails. */
export default function buildRenderer(): void {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = spawnSync(npm, ["run", "build:renderer"], { cwd: repositoryRoot, stdio: ["ignore", "ignore", "inherit"] });
  if (build.status !== 0) throw new Error("web e2e: `npm run build:renderer` failed (its errors are above)");
}
