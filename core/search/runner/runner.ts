/**
 * Where the search builds checkpoints and runs checks: Docker sandboxes in real use (see
 * docker-runner.ts), host directories for tests and trusted repositories (host-runner.ts). The
 * search only ever holds handles; the tree in the store is the truth and a handle a cache of it.
 */
import type { FileChanges } from "../../../shared/file-changes.ts";
import type { FastChecker } from "../../fastcheck/index.ts";

/** A snapshot to fork from: a checkpoint image (Docker) or a directory (host). */
export interface CheckpointHandle {
  /** What the store keeps as the node's checkpointImageId. */
  readonly id: string;
  /** The tree node whose state it holds. */
  readonly nodeId: string;
}

/** One command to run on a state. */
export interface CommandSpec {
  readonly name: string;
  readonly command: string;
  readonly timeoutMs: number;
}

/** How one command ended; `infra` says nothing about the code (the sandbox or the daemon failed). */
export type CommandOutcome =
  | { readonly status: "exited"; readonly exitCode: number; readonly output: string; readonly durationMs: number }
  | { readonly status: "timed-out"; readonly output: string; readonly durationMs: number }
  | { readonly status: "infra"; readonly detail: string; readonly durationMs: number };

/** A warm type-checker on a checkpoint; `close` frees what it holds. */
export interface FastTier {
  readonly checker: FastChecker;
  close(): Promise<void>;
}

/** The operations the search needs from sandboxes. Failures of the machinery throw ForkliftErrors. */
export interface Runner {
  readonly kind: "docker" | "host";
  /** Builds the root checkpoint from a directory holding the root's files, running the spec's setup. */
  createRoot(nodeId: string, dir: string): Promise<CheckpointHandle>;
  /** A stored checkpoint again, or undefined when it no longer exists (removed, gc'd, another machine). */
  reattach(id: string, nodeId: string): Promise<CheckpointHandle | undefined>;
  /** A new checkpoint: `base` with `changes` applied (a fork of `base`, committed). */
  derive(base: CheckpointHandle, nodeId: string, changes: FileChanges): Promise<CheckpointHandle>;
  /** Runs the commands, in order, on `base` with `changes` applied, in one throw-away fork. */
  run(base: CheckpointHandle, nodeId: string, changes: FileChanges, commands: readonly CommandSpec[]): Promise<CommandOutcome[]>;
  /** A warm type-checker on `base`, or undefined when the repository has no TypeScript to check. */
  fastTier(base: CheckpointHandle): Promise<FastTier | undefined>;
  /** Removes a checkpoint; one already gone is fine. */
  remove(handle: CheckpointHandle): Promise<void>;
  /** What a new process needs to use this session's checkpoints again (kept with the session), if anything. */
  describeRoot(): string | undefined;
  /** Frees what the runner holds (not the checkpoints). */
  dispose(): Promise<void>;
}
