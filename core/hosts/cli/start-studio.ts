/**
 * `npm start`: the studio with the bundled demo ready to run. The desktop window where the
 * Electron binary exists; otherwise the browser host (`forklift studio --demo`), which prints its
 * URL and opens a browser when there is one. The renderer is built first when missing or stale.
 * `forklift demo` stays the headless run.
 */
import { ForkliftError } from "../../../shared/errors.ts";
import { runStudio, defaultRendererDir } from "./commands/studio.ts";
import { exitCodeFor, exitCodes } from "./exit-codes.ts";
import { buildRenderer, rendererIsStale } from "./renderer-build.ts";

/**
 * The desktop window's launcher, where the Electron binary exists; undefined here. The Electron
 * shell (electron/) plugs its start in at this point: it resolves the binary and returns a
 * function that opens the window with the demo and resolves with the exit code.
 */
async function desktopLauncher(): Promise<(() => Promise<number>) | undefined> {
  return undefined;
}

async function start(): Promise<number> {
  if (rendererIsStale(defaultRendererDir)) {
    process.stdout.write("start: building the studio's renderer (npm run build:renderer)\n");
    const code = await buildRenderer();
    if (code !== 0) {
      process.stderr.write("forklift: the renderer did not build: see vite's output above (`npm run build:renderer` runs it alone)\n");
      return exitCodes.internal;
    }
  }
  const desktop = await desktopLauncher();
  if (desktop) return desktop();
  await runStudio({ demo: true, ...(process.argv.includes("--no-open") && { open: false }) });
  return 0;
}

try {
  process.exitCode = await start();
} catch (error) {
  if (error instanceof ForkliftError) {
    console.error(`forklift: ${error.message}`);
    process.exitCode = exitCodeFor(error.code);
  } else {
    console.error(`forklift: internal error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.FORKLIFT_DEBUG) console.error(error);
    process.exitCode = exitCodes.internal;
  }
}
