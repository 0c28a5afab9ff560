/**
 * Where the search builds checkpoints: Docker sandboxes in real use (docker-runner.ts), host
 * directories for tests and trusted repositories (host-runner.ts). The search only ever holds
 * handles; the tree in the store is the truth and a handle a cache of it. Checks run through the
 * judge (judgement/), which knows its runner's kind.
 */
import type { FileChanges } from "../../../shared/file-changes.ts";
import type { AgentHello, FastChecker } from "../../fastcheck/index.ts";

/** A snapshot to fork from: a checkpoint image (Docker) or a directory (host). */
export interface CheckpointHandle {
  /** What the store keeps as the node's checkpointImageId. */
  readonly id: string;
  /** The tree node whose state it holds. */
  readonly nodeId: string;
}

/** A warm type-checker on a checkpoint; `close` frees what it holds. */
export interface FastTier {
  readonly checker: FastChecker;
  close(): Promise<void>;
}

/** A warm type-checker ready on a checkpoint, or why there is none (for the user, in one line). */
export type FastTierStart = { readonly kind: "ready"; readonly tier: FastTier; readonly hello: AgentHello } | { readonly kind: "unavailable"; readonly reason: string };

/** The reason of a fast checker's start that did not end ready, for the user. */
export function fastTierUnavailable(started: { status: string; detail?: string }): FastTierStart {
  return { kind: "unavailable", reason: started.detail ?? started.status };
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
  /** A warm type-checker on `base`, or why there is none (no TypeScript or tsconfig, an agent that failed). */
  fastTier(base: CheckpointHandle): Promise<FastTierStart>;
  /** Starts `size` sandboxes of `base` in the background so its forks start at once; best effort, never throws. */
  warm(base: CheckpointHandle, size: number): void;
  /** Removes the sandboxes `warm` started for this session, if they are still kept (at the end of a run). */
  cool(): Promise<void>;
  /** Removes a checkpoint; one already gone is fine. */
  remove(handle: CheckpointHandle): Promise<void>;
  /** What a new process needs to use this session's checkpoints again (kept with the session), if anything. */
  describeRoot(): string | undefined;
  /** Frees what the runner holds (not the checkpoints). */
  dispose(): Promise<void>;
}
