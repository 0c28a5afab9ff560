/**
 * Whether the Electron e2e can run on this machine, and if not, why: the binary (downloaded
 * from GitHub by electron's install script, which fails where GitHub is unreachable) and, on
 * Linux, a display (a running X server, or Xvfb to start one).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The repository root (this file is e2e/electron/electron-availability.ts). */
export const repositoryRoot = path.resolve(import.meta.dirname, "..", "..");

/** The Electron executable npm installed, or why there is none. */
export function electronExecutable(): { ok: true; path: string } | { ok: false; reason: string } {
  const pkg = path.join(repositoryRoot, "node_modules", "electron");
  const dist = path.join(pkg, "dist");
  const pathFile = path.join(pkg, "path.txt");
  if (!existsSync(dist) || !existsSync(pathFile)) {
    return { ok: false, reason: "Electron binary not installed: node_modules/electron/dist missing — the install skipped it (ELECTRON_SKIP_BINARY_DOWNLOAD) or could not reach GitHub (on a machine that reaches it: node node_modules/electron/install.js)" };
  }
  const executable = path.join(dist, readFileSync(pathFile, "utf8").trim());
  if (!existsSync(executable)) return { ok: false, reason: `Electron binary missing at ${path.relative(repositoryRoot, executable)}: reinstall it with node node_modules/electron/install.js` };
  return { ok: true, path: executable };
}

/** On Linux without DISPLAY: the Xvfb to start, or why the window cannot be shown. */
export function displayProblem(): { xvfb?: string; reason?: string } {
  if (process.platform !== "linux" || process.env.DISPLAY) return {};
  const found = spawnSync("sh", ["-c", "command -v Xvfb"], { encoding: "utf8" }).stdout.trim();
  if (found) return { xvfb: found };
  return { reason: "no display for the Electron window: set DISPLAY, or install Xvfb (apt-get install xvfb)" };
}

/** Why the Electron e2e cannot run here, or undefined when it can. */
export function electronSkipReason(): string | undefined {
  const executable = electronExecutable();
  if (!executable.ok) return executable.reason;
  return displayProblem().reason;
}
