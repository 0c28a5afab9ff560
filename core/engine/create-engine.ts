/**
 * The composition root: `createEngine(deps)` wires the store, the sandboxes, the generators and
 * the search into the protocol's EngineApi and its events. Every host (CLI, Electron, web) serves
 * exactly this object. The store is the truth: every handler reads and writes it, runtimes in
 * this process are caches that can be rebuilt from it.
 */
import { setMaxListeners } from "node:events";
import { availableParallelism } from "node:os";
import type { Session } from "../../shared/domain/session.ts";
import { descendants, nodeOf } from "../../shared/domain/tree-navigation.ts";
import { ForkliftError, toErrorValue } from "../../shared/errors.ts";
import type { ErrorValue } from "../../shared/errors.ts";
import type { EngineApi } from "../../shared/protocol/contract.ts";
import { createLimiter, createManualGenerator } from "../generators/index.ts";
import type { ManualEdit } from "../generators/index.ts";
import { createDockerSandboxDriver } from "../sandbox/index.ts";
import type { SandboxDriver } from "../sandbox/index.ts";
import { baseImageName } from "../sandbox/base-image.ts";
import type { Spec } from "../spec/spec-schema.ts";
import { hashSpec } from "../spec/hash-spec.ts";
import { createSession, getNode, getSession, getTree, listSessions, markInterruptedNodes, updateNode, updateSession } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { nodeFileLookup } from "../search/node-files.ts";
import { recordChildren } from "../search/record-children.ts";
import { openRepoSnapshot } from "../search/repo/repo-snapshot.ts";
import type { SearchOutcome } from "../search/search-session.ts";
import { applyToBranch } from "./apply-to-branch.ts";
import { availableGenerators, buildGenerators } from "./build-generators.ts";
import type { LlmCallSettings } from "./build-generators.ts";
import { EventHub } from "./event-hub.ts";
import { nodeDiff } from "./node-diff.ts";
import { prepareStart } from "./prepare-start.ts";
import { provenanceHeader } from "./provenance-header.ts";
import type { SandboxChoice } from "./sandbox-choice.ts";
import { openRuntime } from "./session-runtime.ts";
import type { SessionRuntime } from "./session-runtime.ts";
import { saveSessionSpec } from "./session-settings.ts";

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
  const runtimes = new Map<string, Promise<SessionRuntime>>();
  const failures = new Map<string, ErrorValue>();
  let driver: Promise<SandboxDriver> | undefined;
  let closed = false;
  const sandboxes = createLimiter(deps.sandboxesAtOnce ?? Math.max(2, availableParallelism()));
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

  const log = (sessionId: string | undefined, level: "debug" | "info" | "warn" | "error", message: string, nodeId?: string) =>
    events.emit("log", { level, message, ...(sessionId !== undefined && { sessionId }), ...(nodeId !== undefined && { nodeId }), at: Date.now() });

  const runtimeOf = (sessionId: string): Promise<SessionRuntime> => {
    if (closed) throw new ForkliftError("internal", "the engine is closed");
    let runtime = runtimes.get(sessionId);
    if (!runtime) {
      runtime = openRuntime(
        {
          store,
          sandbox,
          docker,
          env,
          labelPrefix: deps.labelPrefix ?? "",
          fastTier: deps.fastTier ?? true,
          llm: deps.llm ?? {},
          log: (id, level, message, nodeId) => log(id, level, message, nodeId),
          changed: () => events.pump(),
          progress: (id, progress) => events.emit("progress", { sessionId: id, ...progress }),
          sandboxes,
        },
        sessionId,
      );
      runtime.catch(() => runtimes.delete(sessionId));
      runtimes.set(sessionId, runtime);
    }
    return runtime;
  };

  const requireSession = (sessionId: string): Session => {
    const session = getSession(store, sessionId);
    if (!session) throw new ForkliftError("not-found", `no session ${sessionId} in the store`);
    return session;
  };

  const requireNode = (nodeId: string) => {
    const node = getNode(store, nodeId);
    if (!node) throw new ForkliftError("not-found", `no node ${nodeId} in the store`);
    return node;
  };

  /** Checks before a session exists that its sandboxes can be made: Docker answers and has the image. */
  const preflight = async (spec: Spec) => {
    if (sandbox.kind !== "docker") return;
    const connected = await docker();
    if (spec.sandbox.base.kind === "image") {
      const name = spec.sandbox.base.name;
      await connected.ensureImage({ name, pull: name === baseImageName ? "never" : "missing" });
    }
  };

  const startRun = (runtime: SessionRuntime) => {
    if (runtime.run) return;
    const controller = new AbortController();
    setMaxListeners(0, controller.signal); // every LLM call of the run listens to it
    failures.delete(runtime.sessionId);
    markInterruptedNodes(store, runtime.sessionId);
    updateSession(store, runtime.sessionId, { status: "running" });
    events.pump();
    const done = (async () => {
      try {
        finish(runtime.sessionId, await runtime.search.run(controller.signal));
      } catch (error) {
        const value = toErrorValue(error);
        failures.set(runtime.sessionId, value);
        log(runtime.sessionId, "error", value.message);
        updateSession(store, runtime.sessionId, { status: "failed", reason: value.message });
      } finally {
        runtime.run = undefined;
        const status = getSession(store, runtime.sessionId)?.status;
        if (status === "done" || status === "stopped" || status === "failed") await freeSandboxes(runtime);
        events.pump();
      }
    })();
    runtime.run = { controller, done };
  };

  const finish = (sessionId: string, outcome: SearchOutcome) => {
    switch (outcome.kind) {
      case "solution":
        updateSession(store, sessionId, { status: "done", reason: `solution: node ${outcome.nodeId}` });
        log(sessionId, "info", `solution found: node ${outcome.nodeId.slice(0, 8)}`, outcome.nodeId);
        return;
      case "exhausted":
        updateSession(store, sessionId, { status: "done", reason: `no solution: ${outcome.reason}` });
        log(sessionId, "info", `search ended without a solution: ${outcome.reason}`);
        return;
      case "paused":
        updateSession(store, sessionId, { status: "paused", reason: "paused: resume to continue" });
        return;
      case "stopped":
        updateSession(store, sessionId, { status: "stopped", reason: "stopped by the user" });
        return;
    }
  };

  /** A finished session keeps its tree in the store and no container or image: they are caches. */
  const freeSandboxes = async (runtime: SessionRuntime) => {
    if (runtime.background.size > 0) await Promise.allSettled([...runtime.background]);
    try {
      if (runtime.runner.kind === "docker") await (await docker()).gc({}, { onlySessions: [runtime.label] });
      else for (const node of Object.values(getTree(store, runtime.sessionId).nodes)) if (node.checkpointImageId) await runtime.runner.remove({ id: node.checkpointImageId, nodeId: node.id });
      store.write(() => {
        for (const node of Object.values(getTree(store, runtime.sessionId).nodes)) if (node.checkpointImageId) updateNode(store, node.id, { checkpointImageId: null });
      });
      runtimes.delete(runtime.sessionId);
      await runtime.runner.dispose();
    } catch (error) {
      log(runtime.sessionId, "warn", `could not free the session's sandboxes: ${toErrorValue(error).message} (forklift gc removes them)`);
    }
  };

  /** Runs work the user asked for in the background of a session, tracked so `settled` and `close` wait for it. */
  const inBackground = (runtime: SessionRuntime, work: Promise<void>) => {
    const tracked = work
      .catch((error: unknown) => log(runtime.sessionId, "error", toErrorValue(error).message))
      .finally(() => {
        runtime.background.delete(tracked);
        events.pump();
      });
    runtime.background.add(tracked);
  };

  const api: EngineApi = {
    async "session/start"(request) {
      const input = await prepareStart(request.specPath, request.repoPath, request.allowDirty === true);
      const selection = request.generators ?? availableGenerators(input.spec);
      buildGenerators(input.spec, selection, env, createLimiter(1), deps.llm); // refuses an unconfigured LLM before anything is recorded
      await preflight(input.spec);
      const { session } = store.write(() => {
        const created = createSession(store, {
          specName: input.spec.name,
          specHash: hashSpec(input.spec),
          repoPath: input.repoPath,
          rootCommit: input.rootCommit,
          rootChanges: input.rootChanges,
        });
        saveSessionSpec(store, created.session.id, input.specPath, input.specText, selection);
        return created;
      });
      try {
        startRun(await runtimeOf(session.id));
      } catch (error) {
        updateSession(store, session.id, { status: "failed", reason: toErrorValue(error).message });
        events.pump();
        throw error;
      }
      events.pump();
      return requireSession(session.id);
    },
    async "session/list"() {
      return listSessions(store);
    },
    async "session/pause"({ sessionId }) {
      const runtime = runtimes.get(sessionId);
      const run = runtime && (await runtime).run;
      if (run) {
        run.controller.abort("pause");
        await run.done;
      } else if (requireSession(sessionId).status === "running") {
        updateSession(store, sessionId, { status: "paused", reason: "paused: resume to continue" });
      }
      events.pump();
      return requireSession(sessionId);
    },
    async "session/resume"({ sessionId }) {
      const session = requireSession(sessionId);
      if (session.status === "done" || session.status === "stopped") {
        throw new ForkliftError("invalid-input", `session ${sessionId} is ${session.status} (${session.reason ?? "finished"}): start a new session, or expand its nodes`);
      }
      startRun(await runtimeOf(sessionId));
      events.pump();
      return requireSession(sessionId);
    },
    async "session/stop"({ sessionId }) {
      const runtime = runtimes.get(sessionId);
      const run = runtime && (await runtime).run;
      if (run) {
        run.controller.abort("stop");
        await run.done;
      } else {
        const session = requireSession(sessionId);
        if (session.status !== "done" && session.status !== "stopped") updateSession(store, sessionId, { status: "stopped", reason: "stopped by the user" });
        if (runtime) await freeSandboxes(await runtime);
      }
      events.pump();
      return requireSession(sessionId);
    },
    async "tree/get"({ sessionId }) {
      return getTree(store, sessionId);
    },
    async "node/pin"({ nodeId }) {
      requireNode(nodeId);
      const node = updateNode(store, nodeId, { pinned: true });
      events.pump();
      return node;
    },
    async "node/unpin"({ nodeId }) {
      requireNode(nodeId);
      const node = updateNode(store, nodeId, { pinned: false });
      events.pump();
      return node;
    },
    async "node/prune"({ nodeId, reason }) {
      const target = requireNode(nodeId);
      if (target.parentId === undefined) throw new ForkliftError("invalid-input", "the root cannot be pruned: stop the session instead");
      const tree = getTree(store, target.sessionId);
      const subtree = [nodeOf(tree, nodeId), ...descendants(tree, nodeId)];
      store.write(() => {
        for (const node of subtree) {
          if (node.state === "pruned") continue;
          updateNode(store, node.id, { state: "pruned", reason: node.id === nodeId ? (reason ?? "pruned by the user") : `ancestor ${nodeId.slice(0, 8)} was pruned` });
        }
      });
      events.pump();
      const withImages = subtree.filter((node) => node.checkpointImageId !== undefined).reverse();
      if (withImages.length > 0) {
        const runtime = await runtimeOf(target.sessionId);
        await runtime.search.checkpoints.remove(withImages.map((node) => node.id));
        store.write(() => withImages.forEach((node) => updateNode(store, node.id, { checkpointImageId: null })));
        events.pump();
      }
      return requireNode(nodeId);
    },
    async "node/expand"({ nodeId, hint, count }) {
      const node = requireNode(nodeId);
      if (node.state !== "scored") throw new ForkliftError("invalid-input", `node ${nodeId} is ${node.state}: only a scored node can be expanded`);
      const runtime = await runtimeOf(node.sessionId);
      const llm = runtime.generators.filter((generator) => generator.kind === "llm");
      if (hint !== undefined && llm.length === 0) {
        throw new ForkliftError("llm-not-configured", "a hint is for the LLM generator, which this session does not use: configure generators.llm in the spec");
      }
      const generators = hint !== undefined ? llm : runtime.generators;
      const { children, judged } = await runtime.search.expandNow(nodeId, { generators, signal: runtime.closing.signal, ...(hint !== undefined && { hint }), ...(count !== undefined && { count }) });
      inBackground(runtime, judged);
      return { nodeIds: children.map((child) => child.id) };
    },
    async "node/addManualEdit"(request) {
      const parent = requireNode(request.parentId);
      if (parent.state === "pruned") throw new ForkliftError("invalid-input", `node ${parent.id} is pruned: add the edit under another node`);
      const runtime = await runtimeOf(parent.sessionId);
      const edit: ManualEdit = "editBlocks" in request ? { kind: "edit-blocks", text: request.editBlocks } : { kind: "changes", changes: request.changes };
      const [hypothesis] = await createManualGenerator(edit).generate({
        goal: runtime.spec.goal,
        sites: [],
        files: nodeFileLookup(store, runtime.snapshot, parent.id),
        diagnostics: [],
        k: 1,
        seed: 0,
        signal: runtime.closing.signal,
      });
      if (!hypothesis) throw new ForkliftError("internal", "the manual generator produced nothing");
      const { nodes, pending } = recordChildren(store, parent.sessionId, parent.id, [hypothesis]);
      events.pump();
      if (pending.length > 0) inBackground(runtime, runtime.search.judgePendingNow(runtime.closing.signal));
      return nodes[0]!;
    },
    async "node/diff"({ nodeId, against }) {
      const node = requireNode(nodeId);
      const session = requireSession(node.sessionId);
      return nodeDiff(store, openRepoSnapshot(session.repoPath, session.rootCommit), nodeId, against);
    },
    async "node/export"({ nodeId }) {
      const node = requireNode(nodeId);
      const session = requireSession(node.sessionId);
      const header = provenanceHeader(getTree(store, node.sessionId), nodeId);
      const { patch } = await nodeDiff(store, openRepoSnapshot(session.repoPath, session.rootCommit), nodeId, "root", header);
      return { patch, fileName: `forklift-${session.id.slice(0, 8)}-${nodeId.slice(0, 8)}.patch` };
    },
    async "node/apply"({ nodeId, branch }) {
      const node = requireNode(nodeId);
      const session = requireSession(node.sessionId);
      const { patch } = await api["node/export"]({ nodeId });
      const message = `${session.specName}: migrated by Forklift\n\n${provenanceHeader(getTree(store, session.id), nodeId)}\n`;
      return applyToBranch({ repoPath: session.repoPath, baseCommit: session.rootCommit, patch, branch: branch ?? `forklift/${session.id.slice(0, 8)}`, message });
    },
  };

  return {
    api,
    events,
    async settled(sessionId) {
      const runtime = runtimes.get(sessionId);
      if (runtime) {
        const opened = await runtime.catch(() => undefined);
        while (opened && (opened.run || opened.background.size > 0)) {
          await Promise.allSettled([opened.run?.done, ...opened.background]);
        }
      }
      events.pump();
      return requireSession(sessionId);
    },
    failure: (sessionId) => failures.get(sessionId),
    async close() {
      const opened = await Promise.all([...runtimes.values()].map((runtime) => runtime.catch(() => undefined)));
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
      if (driver) await (await driver.catch(() => undefined))?.dispose();
    },
  };
}
