/** Whether dist/renderer is missing or older than the sources it is built from, and building it with the renderer's own script. */
import { spawn } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** What the renderer bundle is built from: its folder, the shared code it imports, the locked dependencies. */
const sources = ["renderer", "shared", "package-lock.json"].map((name) => path.join(root, name));

/** True when dist/renderer/index.html is missing or older than a source file of the renderer. */
export function rendererIsStale(rendererDir: string): boolean {
  const built = mtimeOf(path.join(rendererDir, "index.html"));
  if (built === undefined) return true;
  return sources.some((source) => newestBelow(source) > built);
}

/** Runs `npm run build:renderer` (vite), its output on the terminal; resolves with its exit code. */
export function buildRenderer(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build:renderer"], { cwd: root, stdio: "inherit" });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

function mtimeOf(file: string): number | undefined {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The newest modification time of a file or of the files below a folder (node_modules and dot-folders skipped). */
function newestBelow(entry: string): number {
  let info;
  try {
    info = statSync(entry);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    newest = Math.max(newest, newestBelow(path.join(entry, name)));
  }
  return newest;
}
