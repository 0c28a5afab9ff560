/**
 * The runner on this machine, without Docker: a checkpoint is a directory, a check runs in a
 * throw-away copy. No isolation at all: for tests and for repositories the user trusts. The
 * engine uses Docker unless told otherwise.
 */
import { chmod, copyFile, cp, lstat, mkdir, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FileChanges } from "../../../shared/file-changes.ts";
import { ForkliftError } from "../../../shared/errors.ts";
import { createFastChecker, createLocalAgentTransport } from "../../fastcheck/index.ts";
import { linkStaysInside } from "../../patches/index.ts";
import { fastTierUnavailable } from "./runner.ts";
import type { CheckpointHandle, FastTierStart, Runner } from "./runner.ts";
import { listIgnoredFiles } from "../../sandbox/index.ts";
import type { IgnoredFiles } from "../../sandbox/index.ts";
import { runShell } from "./run-shell.ts";
import type { ShellResult } from "./run-shell.ts";

/** Options of {@link createHostRunner}. */
export interface HostRunnerOptions {
  /** Where checkpoint directories go (default: a new temporary directory). */
  readonly root?: string;
  /** Setup commands run once in the root checkpoint. */
  readonly setup: readonly string[];
  /** Git-ignored paths of the user's working tree copied into the root before setup (spec `sandbox.copyIgnored`). */
  readonly copyIgnored?: { readonly root: string; readonly paths: readonly string[] };
}

/** A throw-away copy of a state, where commands run. */
export interface HostWorkspace {
  /** Its absolute path. */
  readonly dir: string;
  exec(command: string, timeoutMs: number): Promise<ShellResult>;
  /** A file's text, or undefined when it does not exist. */
  readFile(relativePath: string): Promise<string | undefined>;
  removeFile(relativePath: string): Promise<void>;
  close(): Promise<void>;
}

/** The host runner, with the workspaces its judge runs checks in. */
export interface HostRunner extends Runner {
  readonly kind: "host";
  /** A copy of `base` with `changes` applied. */
  workspace(base: CheckpointHandle, nodeId: string, changes: FileChanges): Promise<HostWorkspace>;
}

/** Creates a host runner; each checkpoint is a directory named after its node under the root. */
export function createHostRunner(options: HostRunnerOptions): HostRunner {
  let rootDir: Promise<string> | undefined;
  const base = () => (rootDir ??= options.root ? mkdir(options.root, { recursive: true }).then(() => options.root!) : mkdtemp(path.join(tmpdir(), "forklift-host-")));
  const copyOf = async (from: string, to: string, changes: FileChanges, origin: "repository" | "checkpoint" = "checkpoint") => {
    // links copied as written (not re-pointed at the source), and never one of the repository that
    // leads out of it; a checkpoint keeps the absolute links its setup made (`ln -s /opt/deps
    // node_modules`), as a Docker checkpoint does: they point at the same place from any copy
    const keep = async (source: string) => {
      if (path.basename(source) === ".git") return false;
      if (!(await lstat(source)).isSymbolicLink()) return true;
      const target = await readlink(source);
      if (origin === "checkpoint" && path.isAbsolute(target)) return true;
      return linkStaysInside(path.relative(from, source).split(path.sep).join("/"), target);
    };
    await cp(from, to, { recursive: true, verbatimSymlinks: true, filter: keep });
    for (const [file, content] of Object.entries(changes)) {
      const target = path.join(to, file);
      if (content === null) await rm(target, { force: true });
      else {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, content);
      }
    }
  };
  return {
    kind: "host",
    async createRoot(nodeId, dir) {
      const target = path.join(await base(), nodeId);
      await rm(target, { recursive: true, force: true });
      await copyOf(dir, target, {}, "repository");
      if (options.copyIgnored) await writeIgnoredEntries(await listIgnoredFiles(options.copyIgnored.root, options.copyIgnored.paths), target);
      for (const command of options.setup) {
        const result = await runShell(command, target, 10 * 60_000);
        if (result.status !== "exited" || result.exitCode !== 0) {
          const why = result.status === "exited" ? `exit code ${result.exitCode}` : result.status === "timed-out" ? "timed out" : result.detail;
          throw new ForkliftError("setup-failed", `setup command \`${command}\` failed (${why}); fix the spec's setup or the repository`);
        }
      }
      return { id: target, nodeId };
    },
    async reattach(id, nodeId) {
      return (await stat(id).catch(() => undefined))?.isDirectory() ? { id, nodeId } : undefined;
    },
    async derive(from, nodeId, changes) {
      const target = path.join(await base(), nodeId);
      await rm(target, { recursive: true, force: true });
      await copyOf(from.id, target, changes);
      return { id: target, nodeId };
    },
    async workspace(from, nodeId, changes) {
      const dir = await mkdtemp(path.join(await base(), `run-${nodeId.slice(0, 8)}-`));
      try {
        await copyOf(from.id, dir, changes);
      } catch (error) {
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      return {
        dir,
        exec: (command, timeoutMs) => runShell(command, dir, timeoutMs),
        readFile: (relativePath) => readFile(path.join(dir, relativePath), "utf8").catch(() => undefined),
        removeFile: (relativePath) => rm(path.join(dir, relativePath), { force: true }),
        close: () => rm(dir, { recursive: true, force: true }),
      };
    },
    async fastTier(from): Promise<FastTierStart> {
      const checker = createFastChecker({ transport: createLocalAgentTransport({ repoDir: from.id }) });
      const started = await checker.start();
      if (started.status !== "ready") {
        await checker.close();
        return fastTierUnavailable(started);
      }
      return { kind: "ready", tier: { checker, close: () => checker.close() }, hello: started.hello };
    },
    warm() {}, // a host checkpoint is a directory: nothing to start ahead
    async cool() {},
    async remove(handle) {
      await rm(handle.id, { recursive: true, force: true });
    },
    describeRoot: () => undefined,
    async dispose() {
      if (!options.root && rootDir) await rm(await rootDir, { recursive: true, force: true });
    },
  };
}

/** Creates the listed ignored entries under `dir` (the host runner's copy of what Docker gets as a tar stream). */
async function writeIgnoredEntries(ignored: IgnoredFiles, dir: string): Promise<void> {
  for (const entry of ignored.entries) {
    const target = path.join(dir, entry.path);
    await mkdir(path.dirname(target), { recursive: true });
    if (entry.kind === "directory") await mkdir(target, { recursive: true });
    else if (entry.kind === "symlink") await symlink(entry.linkname, target);
    else {
      await copyFile(entry.absolutePath, target);
      await chmod(target, entry.mode);
    }
  }
}
