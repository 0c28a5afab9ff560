/**
 * The composition root: `createEngine(deps)` wires the store, the sandboxes, the generators and
 * the search into the protocol's EngineApi and its events. Every host (CLI, Electron, web) serves
 * exactly this object. The store is the truth: every handler reads and writes it, runtimes in
 * this process are caches that can be rebuilt from it.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Session } from "../../shared/domain/session.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { ErrorValue } from "../../shared/errors.ts";
import type { EngineApi } from "../../shared/protocol/contract.ts";
import { createLimiter } from "../generators/index.ts";
import { createDockerSandboxDriver, storeLabels } from "../sandbox/index.ts";
import type { SandboxDriver } from "../sandbox/index.ts";
import { baseImageName } from "../sandbox/base-image.ts";
import { getNode, getSession, storeId } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import type { LlmCallSettings } from "./build-generators.ts";
import type { EngineContext } from "./engine-context.ts";
import { EventHub } from "./event-hub.ts";
import { inspectHandlers } from "./inspect-handlers.ts";
import { nodeHandlers } from "./node-handlers.ts";
import { sandboxHandlers } from "./sandbox-handlers.ts";
import type { SandboxChoice } from "./sandbox-choice.ts";
import { sessionHandlers } from "./session-handlers.ts";
import { settingsHandlers } from "./settings-handlers.ts";
import { specHandlers } from "./spec-handlers.ts";
import { systemHandlers } from "./system-handlers.ts";
import { createSessionRuns } from "./session-runs.ts";
import { SessionLeases } from "./session-leases.ts";
import { openRuntime } from "./session-runtime.ts";
import type { SessionRuntime } from "./session-runtime.ts";
import { memoryUserSettings } from "./user-settings.ts";
import type { UserSettings } from "./user-settings.ts";

/** What the engine is built from. */
export interface EngineDeps {
  readonly store: Store;
  /** Default: Docker, connected on first use. */
  readonly sandbox?: SandboxChoice;
  /** Environment for the LLM endpoint and Docker (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Put before session ids in sandbox labels (tests use their run prefix so leak checks find them). */
  readonly labelPrefix?: string;
  /** Judge hypotheses with the warm type-checker first where possible (default true). */
  readonly fastTier?: boolean;
  readonly llm?: LlmCallSettings;
  /** Sandboxes running checks at once across all sessions (default: the machine's cores, at least 2); each session's spec bounds its own too. */
  readonly sandboxesAtOnce?: number;
  /** The user's settings (LLM endpoint, model, key) the host keeps; default: in memory for the engine's life. */
  readonly settings?: UserSettings;
}

/** The engine as a host holds it. */
export interface Engine {
  readonly api: EngineApi;
  readonly events: EventHub;
  /** Resolves with the session once its run and the work the user asked for have ended. */
  settled(sessionId: string): Promise<Session>;
  /** The error that ended a session's last run in this process, if one did. */
  failure(sessionId: string): ErrorValue | undefined;
  /** Pauses every run, waits for them and frees the sandboxes' driver. */
  close(): Promise<void>;
}

/** Builds the engine. */
export function createEngine(deps: EngineDeps): Engine {
  const { store } = deps;
  const env = deps.env ?? process.env;
  const sandbox: SandboxChoice = deps.sandbox ?? { kind: "docker" };
  const events = new EventHub(store);
  const sandboxes = createLimiter(deps.sandboxesAtOnce ?? Math.max(2, availableParallelism()));
  let driver: Promise<SandboxDriver> | undefined;
  let closed = false;
  const labels = storeLabels(storeId(store), path.resolve(store.path));
  const pumpTimer = setInterval(() => events.pump(), 250);
  pumpTimer.unref();

  const docker = (): Promise<SandboxDriver> => {
    if (sandbox.kind === "docker" && sandbox.driver) return Promise.resolve(sandbox.driver);
    driver ??= createDockerSandboxDriver({ env }).catch((error: unknown) => {
      driver = undefined;
      throw error;
    });
    return driver;
  };

  const leases = new SessionLeases(store, (sessionId) => {
    // another process took the session over (this one was frozen or cut off from the store): stop at once, write nothing more
    context.log(sessionId, "error", `session ${sessionId.slice(0, 8)} was taken over by another process: this one stops running it`);
    void context.runtimes.get(sessionId)?.then((runtime) => {
      runtime.closing.abort("pause");
      runtime.run?.controller.abort("pause");
    }, () => undefined);
  });
  const context: EngineContext = {
    store,
    events,
    env,
    llm: deps.llm ?? {},
    settings: deps.settings ?? memoryUserSettings(),
    labelPrefix: deps.labelPrefix ?? "",
    sandbox,
    docker,
    runtimes: new Map(),
    failures: new Map(),
    leases,
    log: (sessionId, level, message, nodeId) =>
      events.emit("log", { level, message, ...(sessionId !== undefined && { sessionId }), ...(nodeId !== undefined && { nodeId }), at: Date.now() }),
    runtimeOf(sessionId) {
      if (closed) throw new ForkliftError("internal", "the engine is closed");
      let runtime = context.runtimes.get(sessionId);
      if (!runtime) {
        leases.acquire(sessionId); // refuses a session another live process runs
        runtime = openRuntime(
          {
            store,
            sandbox,
            docker,
            env,
            labelPrefix: context.labelPrefix,
            labels,
            fastTier: deps.fastTier ?? true,
            llm: context.llm,
            settings: context.settings,
            log: (id, level, message, nodeId) => context.log(id, level, message, nodeId),
            changed: () => events.pump(),
            progress: (id, progress) => events.emit("progress", { sessionId: id, ...progress }),
            sandboxes,
          },
          sessionId,
        );
        runtime.catch(() => {
          context.runtimes.delete(sessionId);
          leases.release(sessionId);
        });
        context.runtimes.set(sessionId, runtime);
      }
      return runtime;
    },
    requireSession(sessionId) {
      const session = getSession(store, sessionId);
      if (!session) throw new ForkliftError("not-found", `no session ${sessionId} in the store`);
      return session;
    },
    requireNode(nodeId) {
      const node = getNode(store, nodeId);
      if (!node) throw new ForkliftError("not-found", `no node ${nodeId} in the store`);
      return node;
    },
    async preflight(spec) {
      if (sandbox.kind !== "docker") return;
      const connected = await docker();
      if (spec.sandbox.base.kind === "image") {
        const name = spec.sandbox.base.name;
        await connected.ensureImage({ name, pull: name === baseImageName ? "never" : "missing" });
      }
    },
  };
  const runs = createSessionRuns(context, docker);
  const api: EngineApi = {
    ...systemHandlers(context),
    ...specHandlers(),
    ...sessionHandlers(context, runs),
    ...inspectHandlers(context),
    ...nodeHandlers(context, runs),
    ...sandboxHandlers(context),
    ...settingsHandlers(context),
  };

  return {
    api,
    events,
    async settled(sessionId) {
      const runtime = context.runtimes.get(sessionId);
      if (runtime) {
        const opened = await runtime.catch(() => undefined);
        while (opened && (opened.run || opened.background.size > 0)) {
          await Promise.allSettled([opened.run?.done, ...opened.background]);
        }
      }
      events.pump();
      return context.requireSession(sessionId);
    },
    failure: (sessionId) => context.failures.get(sessionId),
    async close() {
      const opened: (SessionRuntime | undefined)[] = await Promise.all([...context.runtimes.values()].map((runtime) => runtime.catch(() => undefined)));
      for (const runtime of opened) {
        if (!runtime) continue;
        runtime.closing.abort("pause");
        runtime.run?.controller.abort("pause");
      }
      for (const runtime of opened) if (runtime) await Promise.allSettled([runtime.run?.done, ...runtime.background]);
      closed = true;
      clearInterval(pumpTimer);
      events.pump();
      for (const runtime of opened) await runtime?.runner.dispose().catch(() => undefined);
      leases.releaseAll();
      if (driver) await (await driver.catch(() => undefined))?.dispose();
    },
  };
}
