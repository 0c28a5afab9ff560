/** The runner on Docker: checkpoints are images, checks run in forks with no network (core/sandbox). */
import { ForkliftError } from "../../../shared/errors.ts";
import type { FileChanges } from "../../../shared/file-changes.ts";
import { createFastChecker, createSandboxAgentTransport } from "../../fastcheck/index.ts";
import type { Checkpoint, ImageRequest, ResourceLimits, Sandbox, SandboxDriver, SandboxEvent } from "../../sandbox/index.ts";
import { fastTierUnavailable } from "./runner.ts";
import type { CheckpointHandle, FastTierStart, Runner } from "./runner.ts";

/** What a session's sandboxes are made of (from the spec's `sandbox` section). */
export interface DockerRunnerOptions {
  readonly driver: SandboxDriver;
  /** The session label every container and image gets (gc and leak checks find them by it). */
  readonly sessionLabel: string;
  readonly image: ImageRequest;
  readonly setup: readonly string[];
  readonly setupNetwork: boolean;
  /** Git-ignored paths of the user's working tree copied into the root before setup (spec `sandbox.copyIgnored`). */
  readonly copyIgnored?: { readonly root: string; readonly paths: readonly string[] };
  /** Every container of the session gets them: setup, forks for checks, the fast tier and checkpoints, the warm pool. */
  readonly limits: Partial<ResourceLimits>;
  /** Where the root checkpoint's progress goes (copying, setup). */
  readonly log?: (message: string) => void;
  /** The root checkpoint as described by {@link DockerRunner.describeRoot}, when resuming. */
  readonly rootDescription?: string;
  /** Labels for every container and image besides Forklift's own: the store's (gc keeps to its own store's). */
  readonly labels?: Readonly<Record<string, string>>;
}

/** The fields every checkpoint of a session shares; saved with the session so a new process can fork again. */
type CheckpointTemplate = Omit<Checkpoint, "id" | "node" | "parentId" | "createdAt" | "durationMs">;

/** A Docker-backed runner for one session. */
export class DockerRunner implements Runner {
  readonly kind = "docker";
  private template: CheckpointTemplate | undefined;
  /** The last drain of this session's warm pool, resolved when its sandboxes are gone. */
  private cooling: Promise<void> | undefined;

  constructor(private readonly options: DockerRunnerOptions) {
    if (options.rootDescription) this.template = JSON.parse(options.rootDescription) as CheckpointTemplate;
  }

  /** The session-wide part of the root checkpoint, as text to store with the session. */
  describeRoot(): string | undefined {
    return this.template && JSON.stringify(this.template);
  }

  async createRoot(nodeId: string, dir: string): Promise<CheckpointHandle> {
    const { driver, sessionLabel, image, setup, setupNetwork, limits, labels, copyIgnored, log } = this.options;
    const onEvent = (event: SandboxEvent) => {
      if (event.type === "checkpoint" && event.detail && event.phase !== "done") log?.(`root checkpoint: ${event.phase} ${event.detail}`);
    };
    const checkpoint = await driver.createCheckpoint(
      { session: sessionLabel, node: nodeId, repoPath: dir, image, setup, setupNetwork, limits, ...(labels && { labels }), ...(copyIgnored && { copyIgnored }) },
      onEvent,
    );
    this.template = { session: checkpoint.session, baseImage: checkpoint.baseImage, workdir: checkpoint.workdir, uid: checkpoint.uid, gid: checkpoint.gid };
    return { id: checkpoint.id, nodeId };
  }

  async reattach(id: string, nodeId: string): Promise<CheckpointHandle | undefined> {
    if (!this.template) return undefined;
    try {
      await this.options.driver.ensureImage({ name: id, pull: "never" }); // an inspect: is the image still there?
      return { id, nodeId };
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async derive(base: CheckpointHandle, nodeId: string, changes: FileChanges): Promise<CheckpointHandle> {
    return this.inFork(base, nodeId, changes, async (sandbox) => {
      const checkpoint = await this.options.driver.checkpoint(sandbox, nodeId);
      return { id: checkpoint.id, nodeId };
    });
  }

  async fastTier(base: CheckpointHandle): Promise<FastTierStart> {
    const { driver } = this.options;
    const sandbox = await driver.fork(this.checkpoint(base), { node: base.nodeId, limits: this.options.limits });
    const checker = createFastChecker({ transport: createSandboxAgentTransport({ driver, sandbox }), requestTimeoutMs: 60_000 });
    const close = async () => {
      await checker.close().catch(() => undefined);
      await driver.destroy(sandbox).catch(() => undefined);
    };
    const started = await checker.start().catch((error: unknown) => ({ status: "error" as const, detail: error instanceof Error ? error.message : String(error) }));
    if (started.status !== "ready") {
      await close();
      return fastTierUnavailable(started);
    }
    return { kind: "ready", tier: { checker, close }, hello: started.hello };
  }

  warm(base: CheckpointHandle, size: number): void {
    if (!this.template) return;
    // fire and forget: a pool that cannot start costs nothing but speed (fork() then starts cold);
    // the spec's limits, as the slow checks fork with them (checked-judge.ts)
    this.options.driver.warm(this.checkpoint(base), size, this.options.limits).catch(() => undefined);
  }

  async cool(): Promise<void> {
    const { driver, sessionLabel } = this.options;
    // the driver is the engine's: a pool another session warmed since is not ours to drain
    if (driver.warmCheckpoint?.session === sessionLabel) this.cooling = driver.warm(undefined).catch(() => undefined);
    // a drain started earlier may still be removing sandboxes (gc would find their checkpoint in use)
    await this.cooling;
  }

  async remove(handle: CheckpointHandle): Promise<void> {
    if (!this.template) return;
    try {
      await this.options.driver.removeCheckpoint(this.checkpoint(handle));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  async dispose(): Promise<void> {
    await this.cool();
  }

  /** The driver's checkpoint for a handle of this session (for core/checks and core/score). */
  checkpointOf(handle: CheckpointHandle): Checkpoint {
    return this.checkpoint(handle);
  }

  private checkpoint(handle: CheckpointHandle): Checkpoint {
    if (!this.template) throw new ForkliftError("internal", "the session's root checkpoint is not known yet");
    // the labels of this process's store, also for a session started before stores labelled their resources
    const labels = this.options.labels;
    return { ...this.template, ...(labels && { labels }), id: handle.id, node: handle.nodeId, createdAt: new Date(0).toISOString(), durationMs: 0 };
  }

  private async inFork<T>(base: CheckpointHandle, nodeId: string, changes: FileChanges, use: (sandbox: Sandbox) => Promise<T>): Promise<T> {
    const { driver } = this.options;
    const sandbox = await driver.fork(this.checkpoint(base), { node: nodeId, limits: this.options.limits });
    try {
      if (Object.keys(changes).length > 0) await driver.applyChanges(sandbox, changes);
      return await use(sandbox);
    } finally {
      await driver.destroy(sandbox).catch(() => undefined);
    }
  }
}

/** True for the daemon's "no such image" (404). */
function isMissing(error: unknown): boolean {
  if (error instanceof ForkliftError) return error.code === "image-missing" || error.code === "not-found";
  return typeof error === "object" && error !== null && (error as { statusCode?: unknown }).statusCode === 404;
}
