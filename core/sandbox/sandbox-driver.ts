/**
 * The sandbox contract the engine programs against. Docker is the first implementation; a pool
 * of remote Docker hosts or a Kubernetes driver can follow, so nothing here assumes the sandbox
 * runs on this machine: handles are plain data, files move as contents, never as host paths.
 */
import type { FileChanges } from "../../shared/file-changes.ts";
import type { ExecResult } from "./exec-result.ts";
import type { SandboxEventListener } from "./sandbox-events.ts";
import type { ResourceLimits } from "./sandbox-limits.ts";
import type { Readable, Writable } from "node:stream";

/** A filesystem snapshot that sandboxes fork from (a Docker image made by `docker commit`). JSON-safe. */
export interface Checkpoint {
  /** Engine-level id of the snapshot (the image id, `sha256:…`). */
  readonly id: string;
  readonly session: string;
  /** The tree node whose state this is. */
  readonly node: string;
  /** The checkpoint this one was made from; absent for a base checkpoint. */
  readonly parentId?: string;
  /** The image the base checkpoint was built on (name as requested). */
  readonly baseImage: string;
  /** Absolute path of the repository inside the sandbox. */
  readonly workdir: string;
  /** Numeric owner given to files written into the sandbox (the image's user). */
  readonly uid: number;
  readonly gid: number;
  /** Labels every fork and child checkpoint of it carries besides Forklift's own (e.g. its store's). */
  readonly labels?: Readonly<Record<string, string>>;
  readonly createdAt: string;
  /** How long making it took, in milliseconds. */
  readonly durationMs: number;
}

/** A running sandbox forked from a checkpoint. JSON-safe; pass it back to the driver's verbs. */
export interface Sandbox {
  /** Engine-level id (the container id). */
  readonly id: string;
  readonly session: string;
  /** The node the caller forked it for. */
  readonly node: string;
  readonly checkpointId: string;
  /** The image the session's base checkpoint was built on. */
  readonly baseImage: string;
  readonly workdir: string;
  readonly uid: number;
  readonly gid: number;
  readonly limits: ResourceLimits;
  /** The checkpoint's extra labels, which a checkpoint of this sandbox carries on. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Which image to use, and how to get it when the engine does not have it. */
export interface ImageRequest {
  /** Image name (`forklift/node-base:20`) or id. When `build` is given, the tag to build. */
  readonly name: string;
  /** Pull policy: `missing` (default) pulls only if absent; `never` fails if absent. */
  readonly pull?: "missing" | "never" | "always";
  /**
   * Build from a Dockerfile instead of pulling. `context` is a host directory sent as a tar stream
   * (honouring its `.dockerignore`); `limits` bound the build's containers (memory and CPU: the
   * Engine API has no process limit for builds).
   */
  readonly build?: { readonly context: string; readonly dockerfile?: string; readonly limits?: ResourceLimits };
  /** Labels a built image with this session so `gc` can remove it. */
  readonly session?: string;
  /** More labels for a built image (e.g. its store's). */
  readonly labels?: Readonly<Record<string, string>>;
}

/** An image the engine has. */
export interface ImageInfo {
  readonly id: string;
  readonly name: string;
  readonly user: string;
  readonly workdir: string;
  /** How it was obtained in this call. */
  readonly source: "present" | "pulled" | "built";
}

/** A setup command run once in the base sandbox before it is checkpointed. */
export interface SetupCommand {
  readonly command: string;
  /** Default: 10 minutes. */
  readonly timeoutMs?: number;
}

/** How to make a session's base checkpoint from a repository's working tree. */
export interface BaseCheckpointRequest {
  readonly session: string;
  readonly node: string;
  /** Host path of a git working tree. Tracked and untracked-not-ignored files are copied; it is never mounted or changed. */
  readonly repoPath: string;
  readonly image: string | ImageRequest;
  /**
   * Git-ignored paths of a host working tree copied in after the files and before setup (e.g.
   * `node_modules` installed on the host): `root` is that working tree (the user's repository,
   * which `repoPath` may only be a clean checkout of), `paths` are relative to it.
   */
  readonly copyIgnored?: { readonly root: string; readonly paths: readonly string[] };
  readonly setup?: readonly (string | SetupCommand)[];
  /** Give the setup step a network (bridge). Forks never have one. Default false. */
  readonly setupNetwork?: boolean;
  readonly limits?: Partial<ResourceLimits>;
  /** Labels for every resource of the session besides Forklift's own (e.g. its store's); forks and child checkpoints inherit them. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Options of one fork. */
export interface ForkOptions {
  /** The tree node this fork is for (kept on the handle; see containers/README.md about labels). */
  readonly node: string;
  /** Limits other than the driver's defaults; only forks with the warm pool's limits come from it. */
  readonly limits?: Partial<ResourceLimits>;
}

/** A chunk of a command's output, delivered while it runs. */
export interface OutputChunk {
  readonly stream: "stdout" | "stderr";
  readonly text: string;
}

/** A command to run to completion. */
export interface ExecRequest {
  /** A shell command line (run by `sh -c`) or an argv. */
  readonly command: string | readonly string[];
  /** Working directory, relative to the workdir or absolute. Default: the workdir. */
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Kill the whole process tree after this long. Default 10 minutes; 0 = no limit. */
  readonly timeoutMs?: number;
  /** Bytes kept per stream (head and tail halves). Default 1 MiB. */
  readonly maxOutputBytes?: number;
  /** Data for the command's standard input; it sees end-of-file afterwards. */
  readonly stdin?: string | Uint8Array | AsyncIterable<Uint8Array | string>;
  /** Called with output as it arrives (uncapped). */
  readonly onOutput?: (chunk: OutputChunk) => void;
}

/** A long-running process with open standard streams (e.g. a warm type-checker speaking JSON lines). */
export interface AttachRequest {
  readonly command: string | readonly string[];
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** How an attached process ended. */
export type AttachedExit =
  | { readonly status: "exited"; readonly exitCode: number }
  | { readonly status: "killed" }
  | { readonly status: "infra"; readonly reason: "daemon-unreachable" | "sandbox-gone" | "oom-killed"; readonly detail: string };

/** A process attached to the caller's streams. Ending `stdin` closes its standard input. */
export interface AttachedProcess {
  readonly stdin: Writable;
  readonly stdout: Readable;
  readonly stderr: Readable;
  /** Settles once the process has ended; never rejects. */
  readonly exit: Promise<AttachedExit>;
  /** Kills the process and everything it started; resolves when it has ended. */
  kill(): Promise<AttachedExit>;
}

/** A file to write into a sandbox. */
export interface FileWrite {
  /** POSIX path relative to the workdir. */
  readonly path: string;
  readonly content: string | Uint8Array;
  /** Permission bits; default: keep the existing file's, else 0o644. */
  readonly mode?: number;
}

/** A file read from a sandbox. */
export interface SandboxFile {
  readonly content: Buffer;
  readonly mode: number;
}

/** One path a fork changed relative to its checkpoint (directories left out). */
export interface ChangedPath {
  /** POSIX path relative to the workdir. */
  readonly path: string;
  readonly kind: "added" | "modified" | "deleted";
}

/** The contents of a fork's changes. Binary files are listed apart, since FileChanges holds text. */
export interface FileChangesResult {
  readonly changes: FileChanges;
  readonly binaryPaths: readonly string[];
}

/** What `gc` must keep. Everything else carrying Forklift's labels is removed. */
export interface LiveSet {
  readonly sessions?: Iterable<string>;
  /** Checkpoint ids (image ids). */
  readonly checkpoints?: Iterable<string>;
  /** Sandbox ids (container ids). */
  readonly sandboxes?: Iterable<string>;
}

/** Options of `gc`. */
export interface GcOptions {
  /** Only report what would be removed. */
  readonly dryRun?: boolean;
  /** Only consider resources of these sessions (e.g. the one session that just finished); default all. */
  readonly onlySessions?: Iterable<string>;
  /** Only consider the resources this accepts (e.g. exactly those a preview showed); default all. */
  readonly only?: (resource: SandboxResource) => boolean;
}

/** A container or image Forklift made, as `gc` considers it. */
export interface SandboxResource {
  readonly kind: "container" | "image";
  readonly id: string;
  /** The session label it carries. */
  readonly session: string;
  readonly role: string;
  /** Seconds since the epoch. */
  readonly created: number;
  /** Every label it carries (the store's among them, when it was made by a store-aware Forklift). */
  readonly labels: Readonly<Record<string, string>>;
}

/** What `gc` did (or, with `dryRun`, would do). */
export interface GcReport {
  readonly removedContainers: readonly string[];
  readonly removedImages: readonly string[];
  /** Resources that could not be removed, with the engine's reason (e.g. an image still used). */
  readonly failed: readonly { readonly id: string; readonly reason: string }[];
}

/** A Forklift container on the daemon, as its labels and the daemon describe it. */
export interface InventoryContainer {
  readonly id: string;
  /** The `forklift.session` label (the engine's label prefix included). */
  readonly session: string;
  readonly node?: string;
  /** The `forklift.role` label: base, fork. */
  readonly role: string;
  /** The daemon's state: created, running, exited… */
  readonly state: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Bytes in the container's writable layer, when the daemon reports them. */
  readonly sizeBytes?: number;
  /** The image it runs (a checkpoint's id for forks). */
  readonly image: string;
  /** Every label it carries (its store's among them: `forklift.store`, `forklift.store-path`). */
  readonly labels: Readonly<Record<string, string>>;
}

/** A Forklift image on the daemon (a checkpoint or an image built for a session). */
export interface InventoryImage {
  readonly id: string;
  readonly session: string;
  readonly node?: string;
  /** The `forklift.role` label: checkpoint, image. */
  readonly role: string;
  readonly createdAt: number;
  /** Bytes this image adds over its parent. */
  readonly sizeBytes: number;
  readonly parentId?: string;
  /** Every label it carries (its store's among them). */
  readonly labels: Readonly<Record<string, string>>;
}

/** Every Forklift-labelled resource on the daemon. */
export interface SandboxInventory {
  readonly containers: readonly InventoryContainer[];
  readonly images: readonly InventoryImage[];
}

/** The sandbox operations the engine needs; see DockerSandboxDriver for the Docker implementation. */
export interface SandboxDriver {
  /** Where the sandboxes run, e.g. `unix:///var/run/docker.sock` or `ssh://build@host`. */
  readonly endpoint: string;
  /** Makes sure an image is available: present, pulled or built (progress as events). */
  ensureImage(request: ImageRequest, onEvent?: SandboxEventListener): Promise<ImageInfo>;
  /** Copies a repository's working tree into a new sandbox, runs setup, and commits it. */
  createCheckpoint(request: BaseCheckpointRequest, onEvent?: SandboxEventListener): Promise<Checkpoint>;
  /** Commits a fork's current state as a new checkpoint others can fork from. */
  checkpoint(sandbox: Sandbox, node: string, onEvent?: SandboxEventListener): Promise<Checkpoint>;
  /**
   * Keeps `size` started sandboxes of `checkpoint` ready (the current checkpoint), with `limits`
   * (default: the driver's) — forks asking for other limits start cold; undefined drains. Resolves when full.
   */
  warm(checkpoint: Checkpoint | undefined, size?: number, limits?: Partial<ResourceLimits>): Promise<void>;
  /** The checkpoint the warm pool serves now, if any (one driver may serve several sessions). */
  readonly warmCheckpoint: Checkpoint | undefined;
  /** A running sandbox with the checkpoint's files, ready to exec. */
  fork(checkpoint: Checkpoint, options: ForkOptions): Promise<Sandbox>;
  /** Runs a command to completion; never throws for the command's or the sandbox's failures. */
  exec(sandbox: Sandbox, request: ExecRequest): Promise<ExecResult>;
  /** Starts a process with open stdin/stdout/stderr. */
  attach(sandbox: Sandbox, request: AttachRequest): Promise<AttachedProcess>;
  /** Writes files (through a tar stream), creating parent directories, owned by the sandbox user. */
  writeFiles(sandbox: Sandbox, files: readonly FileWrite[]): Promise<void>;
  /** Applies a changeset: writes changed files, deletes those mapped to null. */
  applyChanges(sandbox: Sandbox, changes: FileChanges): Promise<void>;
  /** Reads files (through a tar stream); a missing path maps to undefined. */
  readFiles(sandbox: Sandbox, paths: readonly string[]): Promise<Map<string, SandboxFile | undefined>>;
  /** The workdir paths the fork changed relative to its checkpoint. */
  changedPaths(sandbox: Sandbox): Promise<ChangedPath[]>;
  /** The contents of the fork's changes (of `paths`, default all changed paths). */
  fileChanges(sandbox: Sandbox, paths?: readonly string[]): Promise<FileChangesResult>;
  /** Removes a sandbox; safe to call twice. */
  destroy(sandbox: Sandbox): Promise<void>;
  /** Removes a checkpoint's image; fails while forks or child checkpoints still use it. */
  removeCheckpoint(checkpoint: Checkpoint): Promise<void>;
  /** Every Forklift container and image on the daemon, with the disk each uses (creates nothing). */
  inventory(): Promise<SandboxInventory>;
  /** The daemon's version, e.g. `20.10.24` (for status screens). */
  daemonVersion(): Promise<string>;
  /** Removes every Forklift container and image not named in `live` (the driver's own warm pool is always live). */
  gc(live: LiveSet, options?: GcOptions): Promise<GcReport>;
  /** Drains the warm pool and waits for background work; the driver is unusable afterwards. */
  dispose(): Promise<void>;
}
