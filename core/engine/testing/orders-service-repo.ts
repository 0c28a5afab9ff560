/**
 * Test helper: examples/orders-service as a real git repository with its dependencies installed
 * on the host from the npm registry (`npm ci`, as its developers would), in a temporary folder.
 * node_modules is git-ignored: the spec carries it into the sandbox with copyIgnored.
 */
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The fixture repository shipped with the project. */
export const ordersServicePath = fileURLToPath(new URL("../../../examples/orders-service/", import.meta.url));

/** The spec that migrates it. */
export const ordersSpecPath = fileURLToPath(new URL("../../../examples/specs/orders-console-to-logger.yml", import.meta.url));

/** A prepared copy: its path, and removal. */
export interface OrdersServiceRepo {
  readonly path: string;
  remove(): Promise<void>;
}

/**
 * Copies the fixture, installs its dependencies on the host (`npm ci`), commits it. With
 * `typescript: "project"` its TypeScript 4.9 is replaced by this project's own 5.x, for a second
 * repository on the newest compiler.
 */
export async function makeOrdersServiceRepo(options: { typescript?: "own" | "project"; installedFrom?: OrdersServiceRepo } = {}): Promise<OrdersServiceRepo> {
  const dir = await mkdtemp(path.join(tmpdir(), "forklift-orders-"));
  await cp(ordersServicePath, dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}node_modules`) });
  if (options.installedFrom) await cp(path.join(options.installedFrom.path, "node_modules"), path.join(dir, "node_modules"), { recursive: true, verbatimSymlinks: true });
  else await run("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: dir, maxBuffer: 16 * 1024 * 1024, timeout: 600_000 });
  if (options.typescript === "project") {
    const own = path.dirname(createRequire(import.meta.url).resolve("typescript/package.json"));
    await rm(path.join(dir, "node_modules/typescript"), { recursive: true, force: true });
    await cp(own, path.join(dir, "node_modules/typescript"), { recursive: true });
  }
  const git = (...args: string[]) => run("git", ["-c", "user.name=Forklift Tests", "-c", "user.email=tests@forklift.invalid", "-c", "init.defaultBranch=main", ...args], { cwd: dir });
  await git("init", "-q");
  await git("add", "-A");
  await git("commit", "-q", "-m", "orders service");
  return { path: dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
