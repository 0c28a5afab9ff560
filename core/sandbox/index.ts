/** The sandbox layer's public API: the driver contract, its Docker implementation, results and events. */
export type {
  AttachedExit,
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
  InventoryContainer,
  InventoryImage,
  ImageRequest,
  LiveSet,
  OutputChunk,
  Sandbox,
  SandboxResource,
  SandboxDriver,
  SandboxFile,
  SandboxInventory,
  SetupCommand,
} from "./sandbox-driver.ts";
export type { CapturedOutput, ExecOutcome, ExecResult, InfraReason, LimitsHit } from "./exec-result.ts";
export { describeOutcome, isInfraFault, isSuccess } from "./exec-result.ts";
export type { CheckpointPhase, SandboxEvent, SandboxEventListener } from "./sandbox-events.ts";
export type { ResourceLimits } from "./sandbox-limits.ts";
export { defaultLimits } from "./sandbox-limits.ts";
export { labelKeys, storeLabels } from "./labels.ts";
export { checkIgnoredPaths, listIgnoredFiles } from "./ignored-files.ts";
export type { IgnoredEntry, IgnoredFiles } from "./ignored-files.ts";
export { baseImageName } from "./base-image.ts";
export type { JsonLinesChannel } from "./json-lines-channel.ts";
export { openJsonLinesChannel } from "./json-lines-channel.ts";
export type { DockerDriverOptions } from "./docker/docker-sandbox-driver.ts";
export { createDockerSandboxDriver, defaultPoolSize, DockerSandboxDriver } from "./docker/docker-sandbox-driver.ts";
export { defaultMaxOutputBytes, defaultTimeoutMs } from "./docker/run-exec.ts";
