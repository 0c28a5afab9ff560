/** Running a session's search in the background of the engine, ending it, and freeing its sandboxes. */
import { setMaxListeners } from "node:events";
import { assertNever } from "../../shared/assert-never.ts";
import { toErrorValue } from "../../shared/errors.ts";
import type { SandboxDriver } from "../sandbox/index.ts";
import { getChangeset, getSession, getTree, markInterruptedNodes, updateNode, updateSession } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import type { SearchOutcome } from "../search/search-session.ts";
import type { EngineContext } from "./engine-context.ts";
import type { SessionRuntime } from "./session-runtime.ts";

/** Starting, ending and cleaning up runs. */
export interface SessionRuns {
  /** Starts the session's search in the background (no-op when it runs); interrupted checks go back to pending first. */
  startRun(runtime: SessionRuntime): void;
  /** A finished session keeps its tree in the store and no container or image: they are caches. */
  freeSandboxes(runtime: SessionRuntime): Promise<void>;
  /** Runs work the user asked for in the background of a session, tracked so `settled` and `close` wait for it. */
  inBackground(runtime: SessionRuntime, work: Promise<void>): void;
}

/** Creates the run control of an engine. */
export function createSessionRuns(context: EngineContext, docker: () => Promise<SandboxDriver>): SessionRuns {
  const { store, events, log } = context;

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
      default:
        return assertNever(outcome, "search outcome");
    }
  };

  const runs: SessionRuns = {
    startRun(runtime) {
      if (runtime.run) return;
      const controller = new AbortController();
      setMaxListeners(0, controller.signal); // every LLM call of the run listens to it
      context.failures.delete(runtime.sessionId);
      markInterruptedNodes(store, runtime.sessionId);
      retryInfrastructureFaults(store, runtime.sessionId);
      updateSession(store, runtime.sessionId, { status: "running" });
      events.pump();
      // a run whose lease another process took over writes no outcome and frees nothing: the session is that process's now
      const ours = () => context.leases.holds(runtime.sessionId);
      const done = (async () => {
        try {
          const outcome = await runtime.search.run(controller.signal);
          if (ours()) finish(runtime.sessionId, outcome);
        } catch (error) {
          const value = toErrorValue(error);
          context.failures.set(runtime.sessionId, value);
          log(runtime.sessionId, "error", value.message);
          if (ours()) updateSession(store, runtime.sessionId, { status: "failed", reason: value.message });
        } finally {
          runtime.run = undefined;
          const status = getSession(store, runtime.sessionId)?.status;
          if (ours() && (status === "done" || status === "stopped" || status === "failed")) await runs.freeSandboxes(runtime);
          events.pump();
        }
      })();
      runtime.run = { controller, done };
    },
    async freeSandboxes(runtime) {
      if (runtime.background.size > 0) await Promise.allSettled([...runtime.background]);
      try {
        const nodes = () => Object.values(getTree(store, runtime.sessionId).nodes);
        await runtime.runner.cool(); // gc keeps the driver's warm pool: drain ours first
        if (runtime.runner.kind === "docker") await (await docker()).gc({}, { onlySessions: [runtime.label] });
        else for (const node of nodes()) if (node.checkpointImageId) await runtime.runner.remove({ id: node.checkpointImageId, nodeId: node.id });
        store.write(() => {
          for (const node of nodes()) if (node.checkpointImageId) updateNode(store, node.id, { checkpointImageId: null });
        });
        context.runtimes.delete(runtime.sessionId);
        context.leases.release(runtime.sessionId);
        await runtime.runner.dispose();
      } catch (error) {
        log(runtime.sessionId, "warn", `could not free the session's sandboxes: ${toErrorValue(error).message} (forklift gc removes them)`);
      }
    },
    inBackground(runtime, work) {
      const tracked = work
        .catch((error: unknown) => log(runtime.sessionId, "error", toErrorValue(error).message))
        .finally(() => {
          runtime.background.delete(tracked);
          events.pump();
        });
      runtime.background.add(tracked);
    },
  };
  return runs;
}

/**
 * Sends hypotheses whose checks failed on the infrastructure (a sandbox fault, never a verdict on
 * them) back to pending when a run starts, so a resumed session judges them again. Generator
 * faults (an endpoint that failed: no changes to check) stay as they are.
 */
function retryInfrastructureFaults(store: Store, sessionId: string): void {
  store.write(() => {
    for (const node of Object.values(getTree(store, sessionId).nodes)) {
      if (node.state !== "failed-infra" || Object.keys(getChangeset(store, node.id)).length === 0) continue;
      updateNode(store, node.id, { state: "pending", reason: `checked again after an infrastructure fault (${node.reason ?? "unknown"})` });
    }
  });
}
