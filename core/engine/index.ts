/** The engine: `createEngine(deps)`, the composition root every host serves (see DESIGN.md, "One engine, several hosts"). */
export { createEngine } from "./create-engine.ts";
export type { Engine, EngineDeps } from "./create-engine.ts";
export type { SandboxChoice } from "./sandbox-choice.ts";
export type { LlmCallSettings } from "./build-generators.ts";
export { sessionLabel } from "./session-runtime.ts";
export { demoFiles, prepareDemo } from "./prepare-demo.ts";
export { collectStoreGarbage, liveStatuses } from "./collect-store-garbage.ts";
export type { GcItem, GcOutcome, GcOwner, GcRequest } from "./collect-store-garbage.ts";
export { memoryUserSettings, patchLlmSettings } from "./user-settings.ts";
export type { KeyStorage, UserSettings } from "./user-settings.ts";
export { describeHolder, sessionActivity } from "./session-leases.ts";
export type { SessionActivity } from "./session-leases.ts";
