/**
 * Starts `forklift studio` as a user does (a real process, a temporary store and config folder,
 * its Docker resources under a test label prefix) and stops it with SIGINT as Ctrl-C would.
 */
import { spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The checkout's root. */
export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/** A running studio. */
export interface StudioProcess {
  /** The URL it printed, token included. */
  readonly url: string;
  readonly port: number;
  /** The label prefix of its Docker resources (the leak checks of the docker tests know `fltest-`). */
  readonly labelPrefix: string;
  /** Its temporary folder (store, settings, scratch files). */
  readonly folder: string;
  /** Everything it printed so far. */
  output(): string;
  /** Ctrl-C: resolves with the exit code once it has paused its sessions and stopped. */
  stop(): Promise<number | null>;
}

/** Starts the studio with `args` (e.g. --demo); resolves once it printed its URL. */
export async function startStudio(args: readonly string[] = []): Promise<StudioProcess> {
  const folder = mkdtempSync(path.join(tmpdir(), "forklift-web-e2e-"));
  const labelPrefix = `fltest-p${process.pid}x${randomBytes(2).toString("hex")}-e2e`;
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ["--import", "tsx", "core/hosts/cli/main.ts", "studio", "--no-open", "--store", path.join(folder, "store.db"), ...args],
    { cwd: repositoryRoot, env: { ...process.env, XDG_CONFIG_HOME: path.join(folder, "config"), FORKLIFT_LABEL_PREFIX: labelPrefix } },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the studio printed no URL in 60 s:\n${out}`)), 60_000);
    child.stdout.on("data", () => {
      const found = /studio: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the studio exited ${code}:\n${out}`));
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    labelPrefix,
    folder,
    output: () => out,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      const code = await exited;
      rmSync(folder, { recursive: true, force: true });
      return code;
    },
  };
}
