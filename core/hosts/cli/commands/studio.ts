/** `forklift studio`: the studio in a browser, served on 127.0.0.1 with a token; Ctrl-C pauses running sessions and stops. */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { ForkliftError } from "../../../../shared/errors.ts";
import { createEngine } from "../../../engine/index.ts";
import { defaultSettingsFile, fileUserSettings } from "../../web/file-user-settings.ts";
import { openBrowser } from "../../web/open-browser.ts";
import { startWebHost } from "../../web/web-host.ts";
import { sandboxChoice } from "../session/cli-engine.ts";
import { openCliStore, withStoreOption } from "../session/store-option.ts";

/** Where `npm run build:renderer` puts the renderer. */
export const defaultRendererDir = fileURLToPath(new URL("../../../../dist/renderer/", import.meta.url));

/** The options `forklift studio` takes. */
export interface StudioOptions {
  port?: string;
  /** False with --no-open. */
  open?: boolean;
  store?: string;
  demo?: boolean;
  sandbox?: string;
}

/** Adds `forklift studio` to the program. */
export function registerStudioCommand(program: Command): void {
  withStoreOption(
    program
      .command("studio")
      .description("open the studio in your browser: the fork tree, diffs, pins and prunes, sandboxes and settings, served on 127.0.0.1 behind a token")
      .option("--port <n>", "the port to listen on (default: any free one)")
      .option("--no-open", "print the URL without opening a browser")
      .option("--demo", "open with the bundled demo (examples/sample-app) ready to run")
      .option("--sandbox <kind>", "docker (default) or host (no isolation)"),
  ).action(async (options: StudioOptions) => {
    await runStudio(options);
  });
}

/** Runs the studio until SIGINT or SIGTERM; running sessions are paused on the way out. */
export async function runStudio(options: StudioOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const port = parsePort(options.port);
  const store = openCliStore(options.store);
  const engine = createEngine({ store, sandbox: sandboxChoice(options.sandbox), settings: fileUserSettings(defaultSettingsFile()), labelPrefix: process.env.FORKLIFT_LABEL_PREFIX ?? "" });
  const closeEngine = async () => {
    await engine.close();
    store.close();
  };
  let host;
  try {
    host = await startWebHost({ engine, rendererDir: defaultRendererDir, ...(port !== undefined && { port }), ...(options.demo && { pageParams: { demo: "1" } }) });
  } catch (error) {
    await closeEngine();
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new ForkliftError("invalid-input", `port ${port} is in use: choose another with --port, or leave it out for any free one`);
    throw error;
  }
  if (!existsSync(path.join(defaultRendererDir, "index.html"))) out.write("studio: the renderer is not built yet: run `npm run build:renderer` (or `npm start`), then reload the page\n");
  out.write(`studio: ${host.url}\n`);
  out.write(`studio: store ${store.path}; Ctrl-C stops (running sessions are paused, not lost)\n`);
  if (options.open !== false && !openBrowser(host.url)) out.write("studio: no browser to open here: open the URL above in one\n");
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  out.write("studio: stopping: pausing running sessions\n");
  await host.close();
  await closeEngine();
  out.write("studio: stopped\n");
}

function parsePort(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ForkliftError("invalid-input", `--port must be a whole number from 0 to 65535, not ${JSON.stringify(value)}`);
  return port;
}
