/** The SandboxDriver on a Docker Engine (local socket, tcp:// or ssh://): small verbs over one DockerClient, plus the warm pool. */
import { performance } from "node:perf_hooks";
import type { FileChanges } from "../../../shared/file-changes.ts";
import type { ExecResult } from "../exec-result.ts";
import { assertValidId, forkliftLabels, labelKeys } from "../labels.ts";
import type {
  AttachedProcess,
  AttachRequest,
  BaseCheckpointRequest,
  ChangedPath,
  Checkpoint,
  ExecRequest,
  FileChangesResult,
  FileWrite,
  ForkOptions,
  GcOptions,
  GcReport,
  ImageInfo,
  ImageRequest,
  LiveSet,
  Sandbox,
  SandboxDriver,
  SandboxFile,
  SandboxInventory,
  SandboxResource,
} from "../sandbox-driver.ts";
import { emitEvent, type SandboxEventListener } from "../sandbox-events.ts";
import { resolveLimits, sameLimits, type ResourceLimits } from "../sandbox-limits.ts";
import { WarmPool } from "../warm-pool.ts";
import { attachExec } from "./attach-exec.ts";
import { collectGarbage } from "./collect-garbage.ts";
import { commitCheckpoint } from "./commit-checkpoint.ts";
import { createBaseCheckpoint } from "./create-base-checkpoint.ts";
import { connectDocker, type ConnectOptions, type DockerClient } from "./docker-client.ts";
import { ensureImage } from "./ensure-image.ts";
import { listInventory } from "./list-inventory.ts";
import { runExec } from "./run-exec.ts";
import type { ContainerSpecInput } from "./container-spec.ts";
import { internalExec } from "./internal-exec.ts";
import { createContainer, isRunning, removeContainer } from "./sandbox-container.ts";
import { applyChanges, changedPaths, fileChanges, readFiles, writeFiles } from "./sandbox-files.ts";

/** Options of the Docker driver. */
export interface DockerDriverOptions extends ConnectOptions {
  /** Limits every sandbox gets unless a call says otherwise (defaults: see sandbox-limits.ts). */
  readonly limits?: Partial<ResourceLimits>;
  /** How many pool sandboxes are started at once while refilling. Default 1 (starts compete for CPU). */
  readonly poolConcurrency?: number;
}

/** Default number of warm sandboxes when `warm` is called without a size. */
export const defaultPoolSize = 2;

/** Connects to the daemon named by DOCKER_HOST and returns a driver for it. */
export async function createDockerSandboxDriver(options: DockerDriverOptions = {}): Promise<DockerSandboxDriver> {
  return new DockerSandboxDriver(await connectDocker(options), options);
}

/** Sandboxes as Docker containers, checkpoints as committed images. */
export class DockerSandboxDriver implements SandboxDriver {
  private readonly limits: ResourceLimits;
  private readonly poolConcurrency: number;
  private pool: WarmPool | undefined;
  private poolCheckpoint: Checkpoint | undefined;
  /** The limits the pool's sandboxes were started with; only forks asking for the same take from it. */
  private poolLimits: ResourceLimits;
  private readonly draining = new Set<Promise<void>>();

  constructor(
    readonly client: DockerClient,
    options: DockerDriverOptions = {},
  ) {
    this.limits = resolveLimits(options.limits);
    this.poolConcurrency = options.poolConcurrency ?? 1;
    this.poolLimits = this.limits;
  }

  get endpoint(): string {
    return this.client.address;
  }

  ensureImage(request: ImageRequest, onEvent?: SandboxEventListener): Promise<ImageInfo> {
    return ensureImage(this.client, request, onEvent);
  }

  createCheckpoint(request: BaseCheckpointRequest, onEvent?: SandboxEventListener): Promise<Checkpoint> {
    return createBaseCheckpoint(this.client, request, this.limits, onEvent);
  }

  async checkpoint(sandbox: Sandbox, node: string, onEvent?: SandboxEventListener): Promise<Checkpoint> {
    assertValidId("node", node);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    emitEvent(onEvent, { type: "checkpoint", session: sandbox.session, node, phase: "committing", elapsedMs: 0 });
    const id = await commitCheckpoint(this.client, sandbox.id, sandbox.session, node, sandbox.labels);
    emitEvent(onEvent, { type: "checkpoint", session: sandbox.session, node, phase: "done", elapsedMs: elapsed() });
    return {
      id,
      session: sandbox.session,
      node,
      parentId: sandbox.checkpointId,
      baseImage: sandbox.baseImage,
      workdir: sandbox.workdir,
      uid: sandbox.uid,
      gid: sandbox.gid,
      ...(sandbox.labels && { labels: sandbox.labels }),
      createdAt: new Date().toISOString(),
      durationMs: elapsed(),
    };
  }

  warm(checkpoint: Checkpoint | undefined, size = defaultPoolSize, limits?: Partial<ResourceLimits>): Promise<void> {
    if (!checkpoint) {
      this.dropPool();
      return Promise.all(this.draining).then(() => undefined);
    }
    const poolLimits = resolveLimits(limits, this.limits);
    if (this.pool?.key === checkpoint.id && sameLimits(poolLimits, this.poolLimits)) {
      this.pool.resize(size);
    } else {
      this.dropPool();
      const labels = { ...checkpoint.labels, ...forkliftLabels(checkpoint.session, checkpoint.node, "fork", { [labelKeys.checkpoint]: checkpoint.id }) };
      this.pool = new WarmPool(
        checkpoint.id,
        size,
        {
          create: () => this.startProbed({ image: checkpoint.id, labels, limits: poolLimits, workdir: checkpoint.workdir }),
          remove: (id) => removeContainer(this.client, id),
        },
        this.poolConcurrency,
      );
      this.poolCheckpoint = checkpoint;
      this.poolLimits = poolLimits;
    }
    return this.pool.whenFull();
  }

  async fork(checkpoint: Checkpoint, options: ForkOptions): Promise<Sandbox> {
    assertValidId("node", options.node);
    const limits = resolveLimits(options.limits, this.limits);
    let id: string | undefined;
    const pool = this.pool; // held: warm() may replace or drop this.pool while a take is awaited
    if (pool?.key === checkpoint.id && sameLimits(limits, this.poolLimits)) {
      // Ready = running and able to exec: a pooled container is checked before it is handed out.
      for (let candidate = await pool.take(); candidate !== undefined && id === undefined; ) {
        if (await isRunning(this.client, candidate)) id = candidate;
        else {
          void removeContainer(this.client, candidate).catch(() => undefined);
          candidate = await pool.take();
        }
      }
    }
    id ??= await createContainer(
      this.client,
      {
        image: checkpoint.id,
        labels: { ...checkpoint.labels, ...forkliftLabels(checkpoint.session, options.node, "fork", { [labelKeys.checkpoint]: checkpoint.id }) },
        limits,
        workdir: checkpoint.workdir,
      },
      true,
    );
    return {
      id,
      session: checkpoint.session,
      node: options.node,
      checkpointId: checkpoint.id,
      baseImage: checkpoint.baseImage,
      workdir: checkpoint.workdir,
      uid: checkpoint.uid,
      gid: checkpoint.gid,
      limits,
      ...(checkpoint.labels && { labels: checkpoint.labels }),
    };
  }

  exec(sandbox: Sandbox, request: ExecRequest): Promise<ExecResult> {
    return runExec(this.client, sandbox, request);
  }

  attach(sandbox: Sandbox, request: AttachRequest): Promise<AttachedProcess> {
    return attachExec(this.client, sandbox, request);
  }

  writeFiles(sandbox: Sandbox, files: readonly FileWrite[]): Promise<void> {
    return writeFiles(this.client, sandbox, files);
  }

  applyChanges(sandbox: Sandbox, changes: FileChanges): Promise<void> {
    return applyChanges(this.client, sandbox, changes);
  }

  readFiles(sandbox: Sandbox, paths: readonly string[]): Promise<Map<string, SandboxFile | undefined>> {
    return readFiles(this.client, sandbox, paths);
  }

  changedPaths(sandbox: Sandbox): Promise<ChangedPath[]> {
    return changedPaths(this.client, sandbox);
  }

  fileChanges(sandbox: Sandbox, paths?: readonly string[]): Promise<FileChangesResult> {
    return fileChanges(this.client, sandbox, paths);
  }

  destroy(sandbox: Sandbox): Promise<void> {
    return removeContainer(this.client, sandbox.id);
  }

  async removeCheckpoint(checkpoint: Checkpoint): Promise<void> {
    if (this.pool?.key === checkpoint.id) await this.warm(undefined);
    await this.client.call((api) => api.getImage(checkpoint.id).remove({ force: true, noprune: false }));
  }

  inventory(): Promise<SandboxInventory> {
    return listInventory(this.client);
  }

  async daemonVersion(): Promise<string> {
    return (await this.client.call((api) => api.version())).Version;
  }

  gc(live: LiveSet, options: GcOptions = {}): Promise<GcReport> {
    const pooled = this.pool ? [...this.pool.readyIds] : [];
    const poolCheckpoint = this.poolCheckpoint ? [this.poolCheckpoint.id] : [];
    const sessions = options.onlySessions === undefined ? undefined : new Set(options.onlySessions);
    const only = (resource: SandboxResource) => (sessions?.has(resource.session) ?? true) && (options.only?.(resource) ?? true);
    return collectGarbage(
      this.client,
      { sessions: live.sessions ?? [], checkpoints: [...(live.checkpoints ?? []), ...poolCheckpoint], sandboxes: [...(live.sandboxes ?? []), ...pooled] },
      { ...(options.dryRun !== undefined && { dryRun: options.dryRun }), only },
    );
  }

  async dispose(): Promise<void> {
    this.dropPool();
    await Promise.all(this.draining);
  }

  /** The checkpoint the warm pool serves, if any. */
  get warmCheckpoint(): Checkpoint | undefined {
    return this.poolCheckpoint;
  }

  /** Starts a pool container and proves it can exec before it counts as ready. */
  private async startProbed(input: ContainerSpecInput): Promise<string> {
    const id = await createContainer(this.client, input, true);
    const probe = await internalExec(this.client, id, ["true"]).catch((error: unknown) => ({ exitCode: -1, stderr: String(error) }));
    if (probe.exitCode !== 0) {
      await removeContainer(this.client, id).catch(() => undefined);
      throw new Error(`a warm sandbox failed its exec probe: ${probe.stderr.trim()}`);
    }
    return id;
  }

  private dropPool(): void {
    const pool = this.pool;
    this.pool = undefined;
    this.poolCheckpoint = undefined;
    if (!pool) return;
    const drained = pool.drain().finally(() => this.draining.delete(drained));
    this.draining.add(drained);
  }
}
