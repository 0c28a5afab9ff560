import type { Node } from "../../shared/domain/node.ts";
import type { Session } from "../../shared/domain/session.ts";
import type { ErrorValue } from "../../shared/errors.ts";
import type { SandboxDriver } from "../sandbox/index.ts";
import type { Spec } from "../spec/spec-schema.ts";
import type { Store } from "../store/index.ts";
import type { LlmCallSettings } from "./build-generators.ts";
import type { SandboxChoice } from "./sandbox-choice.ts";
import type { EventHub } from "./event-hub.ts";
import type { SessionLeases } from "./session-leases.ts";
import type { SessionRuntime } from "./session-runtime.ts";
import type { UserSettings } from "./user-settings.ts";

/** What the engine's handlers share: the store, the events, the open runtimes and the run control. */
export interface EngineContext {
  readonly store: Store;
  readonly events: EventHub;
  readonly env: NodeJS.ProcessEnv;
  readonly llm: LlmCallSettings;
  /** The user's settings (LLM endpoint, model, key), used in preference to the environment. */
  readonly settings: UserSettings;
  /** Put before session ids in sandbox labels (see EngineDeps). */
  readonly labelPrefix: string;
  /** Whether sessions run in Docker or on the host. */
  readonly sandbox: SandboxChoice;
  /** The Docker driver, connected on first use (rejects with a one-line error when Docker cannot be used). */
  docker(): Promise<SandboxDriver>;
  /** Runtimes opened in this process, by session id. */
  readonly runtimes: Map<string, Promise<SessionRuntime>>;
  /** The error that ended each session's last run in this process. */
  readonly failures: Map<string, ErrorValue>;
  /** The sessions this process runs: a runtime is opened only under the session's lease. */
  readonly leases: SessionLeases;
  /** The session's runtime, opened on first use. */
  runtimeOf(sessionId: string): Promise<SessionRuntime>;
  requireSession(sessionId: string): Session;
  requireNode(nodeId: string): Node;
  /** Checks before a session exists that its sandboxes can be made (Docker answers, the image is there). */
  preflight(spec: Spec): Promise<void>;
  log(sessionId: string | undefined, level: "debug" | "info" | "warn" | "error", message: string, nodeId?: string): void;
}
