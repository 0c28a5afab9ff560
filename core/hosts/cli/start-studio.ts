/**
 * `npm start`'s steps: the studio with the bundled demo ready to run. The renderer is built first
 * when missing or stale; then the desktop window, when the caller has one to offer (the Electron
 * shell's start script, electron/scripts/start-electron.ts, which is what `npm start` runs: core
 * never imports electron/), otherwise the browser host (`forklift studio --demo`), which prints its
 * URL and opens a browser when there is one. Run directly, this file opens the browser host.
 * `forklift demo` stays the headless run.
 */
import { pathToFileURL } from "node:url";
import { ForkliftError } from "../../../shared/errors.ts";
import { runStudio, defaultRendererDir } from "./commands/studio.ts";
import { exitCodeFor, exitCodes } from "./exit-codes.ts";
import { buildRenderer, rendererIsStale } from "./renderer-build.ts";

/** Opens the desktop window and resolves with its exit code once it closes, or "unavailable" (having said why) to fall back to the browser host. */
export type DesktopWindow = () => Promise<number | "unavailable">;

/** Runs `npm start` with `argv` (its arguments: `--no-open`; the rest is for the desktop window); resolves with the exit code, errors reported in one line. */
export async function startStudio(argv: readonly string[], desktop?: DesktopWindow): Promise<number> {
  try {
    if (rendererIsStale(defaultRendererDir)) {
      process.stdout.write("start: building the studio's renderer (npm run build:renderer)\n");
      const code = await buildRenderer();
      if (code !== 0) {
        process.stderr.write("forklift: the renderer did not build: see vite's output above (`npm run build:renderer` runs it alone)\n");
        return exitCodes.internal;
      }
    }
    const windowCode = desktop ? await desktop() : "unavailable";
    if (windowCode !== "unavailable") return windowCode;
    await runStudio({ demo: true, ...(argv.includes("--no-open") && { open: false }) });
    return 0;
  } catch (error) {
    if (error instanceof ForkliftError) {
      console.error(`forklift: ${error.message}`);
      return exitCodeFor(error.code);
    }
    console.error(`forklift: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.FORKLIFT_DEBUG) console.error(error);
    return exitCodes.internal;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await startStudio(process.argv.slice(2));
}
