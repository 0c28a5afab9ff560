/**
 * Files in and out of a sandbox through tar streams (the Engine API's archive endpoints), and the
 * paths a fork changed relative to its checkpoint (`docker diff`, limited to the workdir).
 */
import path from "node:path";
import type { FileChanges } from "../../../shared/file-changes.ts";
import type { ChangedPath, FileChangesResult, FileWrite, SandboxFile } from "../sandbox-driver.ts";
import { relativeSandboxPath } from "../sandbox-path.ts";
import { packMemoryEntries, readArchive, type Owner } from "../tar-archive.ts";
import type { DockerClient } from "./docker-client.ts";
import { classifyDockerError } from "./docker-errors.ts";
import { internalExec } from "./internal-exec.ts";

/** A container with a workdir and the owner its files get. */
export interface FileTarget extends Owner {
  readonly id: string;
  readonly workdir: string;
}

/** How many archive requests run at once. */
const parallelReads = 8;

/** Writes files in one tar stream; files without a mode keep the mode of the file they replace (else 0o644). */
export async function writeFiles(client: DockerClient, target: FileTarget, files: readonly FileWrite[]): Promise<void> {
  if (files.length === 0) return;
  const entries = files.map((file) => ({ ...file, path: relativeSandboxPath(file.path) }));
  const unknownModes = entries.filter((entry) => entry.mode === undefined).map((entry) => entry.path);
  const modes = unknownModes.length > 0 ? await existingModes(client, target, unknownModes) : new Map<string, number>();
  const archive = packMemoryEntries(
    entries.map((entry) => ({
      path: entry.path,
      content: typeof entry.content === "string" ? Buffer.from(entry.content, "utf8") : Buffer.from(entry.content),
      mode: entry.mode ?? modes.get(entry.path) ?? 0o644,
    })),
    target,
  );
  await client.call((api) => api.getContainer(target.id).putArchive(archive as unknown as NodeJS.ReadableStream, { path: target.workdir }));
}

/** Applies a changeset: deletes the paths mapped to null, writes the others (keeping their modes). */
export async function applyChanges(client: DockerClient, target: FileTarget, changes: FileChanges): Promise<void> {
  const deleted = Object.entries(changes)
    .filter(([, content]) => content === null)
    .map(([file]) => relativeSandboxPath(file));
  const written: FileWrite[] = Object.entries(changes).flatMap(([file, content]) => (content === null ? [] : [{ path: file, content }]));
  await Promise.all([deletePaths(client, target, deleted), writeFiles(client, target, written)]);
}

/** Reads files; a path that is missing or not a regular file maps to undefined. */
export async function readFiles(client: DockerClient, target: FileTarget, paths: readonly string[]): Promise<Map<string, SandboxFile | undefined>> {
  const result = new Map<string, SandboxFile | undefined>();
  const queue = [...new Set(paths)];
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) result.set(file, await readOne(client, target, file));
  };
  await Promise.all(Array.from({ length: Math.min(parallelReads, queue.length) }, worker));
  return new Map(paths.map((file) => [file, result.get(file)]));
}

/** The workdir paths the container changed relative to its image, without directories. */
export async function changedPaths(client: DockerClient, target: FileTarget): Promise<ChangedPath[]> {
  const answer: unknown = await client.call((api) => api.getContainer(target.id).changes());
  // No changes come back as JSON null, which dockerode hands over as an empty buffer.
  const raw = (Array.isArray(answer) ? answer : []) as { Path: string; Kind: number }[];
  const prefix = `${target.workdir.replace(/\/$/, "")}/`;
  const inWorkdir = raw.filter((change) => change.Path.startsWith(prefix)).map((change) => ({ path: change.Path.slice(prefix.length), kind: change.Kind }));
  // A directory shows up as changed when something inside it did; leave those out.
  const parents = new Set(inWorkdir.flatMap((change) => ancestors(change.path)));
  return inWorkdir
    .filter((change) => !parents.has(change.path))
    .map((change) => ({ path: change.path, kind: change.kind === 1 ? "added" : change.kind === 2 ? "deleted" : "modified" }) satisfies ChangedPath)
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The contents of changed files as FileChanges (deletions as null); binary files are listed apart. */
export async function fileChanges(client: DockerClient, target: FileTarget, paths?: readonly string[]): Promise<FileChangesResult> {
  const listed = await changedPaths(client, target);
  const wanted = paths ? new Set(paths.map(relativeSandboxPath)) : undefined;
  const selected = wanted ? listed.filter((change) => wanted.has(change.path)) : listed;
  const present = selected.filter((change) => change.kind !== "deleted").map((change) => change.path);
  const files = await readFiles(client, target, present);
  const changes: FileChanges = {};
  const binaryPaths: string[] = [];
  for (const change of selected) {
    if (change.kind === "deleted") {
      changes[change.path] = null;
      continue;
    }
    const file = files.get(change.path);
    if (!file) continue; // a new directory, a symlink or a special file
    if (file.content.includes(0)) binaryPaths.push(change.path);
    else changes[change.path] = file.content.toString("utf8");
  }
  return { changes, binaryPaths };
}

async function readOne(client: DockerClient, target: FileTarget, file: string): Promise<SandboxFile | undefined> {
  const absolute = path.posix.join(target.workdir, relativeSandboxPath(file));
  try {
    const stream = await client.call((api) => api.getContainer(target.id).getArchive({ path: absolute }));
    const entries = await readArchive(stream);
    const entry = entries.length === 1 ? entries[0] : undefined;
    return entry?.type === "file" ? { content: entry.content, mode: entry.mode } : undefined;
  } catch (error) {
    if (classifyDockerError(error) === "not-found") return undefined;
    throw error;
  }
}

async function existingModes(client: DockerClient, target: FileTarget, paths: readonly string[]): Promise<Map<string, number>> {
  const result = await internalExec(client, target.id, ["sh", "-c", 'stat -c "%a %n" -- "$@" 2>/dev/null; exit 0', "forklift-stat", ...paths], target.workdir);
  const modes = new Map<string, number>();
  for (const line of result.stdout.split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) modes.set(line.slice(space + 1), parseInt(line.slice(0, space), 8));
  }
  return modes;
}

async function deletePaths(client: DockerClient, target: FileTarget, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return;
  const result = await internalExec(client, target.id, ["rm", "-f", "--", ...paths], target.workdir);
  if (result.exitCode !== 0) throw new Error(`deleting files in the sandbox failed: ${result.stderr.trim()}`);
}

function ancestors(file: string): string[] {
  const parts = file.split("/");
  return parts.slice(1).map((_, index) => parts.slice(0, index + 1).join("/"));
}
