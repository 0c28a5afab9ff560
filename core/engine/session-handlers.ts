/** The session handlers of the engine's API: start, list, pause, resume, stop, and the tree. */
import { ForkliftError, toErrorValue } from "../../shared/errors.ts";
import type { EngineApi } from "../../shared/protocol/contract.ts";
import { createLimiter } from "../generators/index.ts";
import { hashSpec } from "../spec/hash-spec.ts";
import { createSession, getTree, listSessions, updateSession } from "../store/index.ts";
import { availableGenerators, buildGenerators } from "./build-generators.ts";
import type { EngineContext } from "./engine-context.ts";
import { prepareStart } from "./prepare-start.ts";
import type { SessionRuns } from "./session-runs.ts";
import { saveSessionSpec } from "./session-settings.ts";

/** The handlers of session/* and tree/get. */
export function sessionHandlers(context: EngineContext, runs: SessionRuns): Pick<EngineApi, "session/start" | "session/list" | "session/pause" | "session/resume" | "session/stop" | "tree/get"> {
  const { store, events, env } = context;
  return {
    async "session/start"(request) {
      const input = await prepareStart(request.specPath, request.repoPath, request.allowDirty === true);
      const selection = request.generators ?? availableGenerators(input.spec);
      buildGenerators(input.spec, selection, env, createLimiter(1), context.llm, context.settings.llm()); // refuses an unconfigured LLM before anything is recorded
      await context.preflight(input.spec);
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
      for (const warning of input.warnings) context.log(session.id, "warn", warning);
      try {
        runs.startRun(await context.runtimeOf(session.id));
      } catch (error) {
        updateSession(store, session.id, { status: "failed", reason: toErrorValue(error).message });
        events.pump();
        throw error;
      }
      events.pump();
      return context.requireSession(session.id);
    },
    async "session/list"() {
      return listSessions(store);
    },
    async "session/pause"({ sessionId }) {
      const runtime = context.runtimes.get(sessionId);
      const run = runtime && (await runtime).run;
      if (run) {
        run.controller.abort("pause");
        await run.done;
      } else if (context.requireSession(sessionId).status === "running") {
        context.leases.refuseIfBusy(sessionId);
        updateSession(store, sessionId, { status: "paused", reason: "paused: resume to continue" });
      }
      events.pump();
      return context.requireSession(sessionId);
    },
    async "session/resume"({ sessionId }) {
      const session = context.requireSession(sessionId);
      if (session.status === "done" || session.status === "stopped") {
        throw new ForkliftError("invalid-input", `session ${sessionId} is ${session.status} (${session.reason ?? "finished"}): start a new session, or expand its nodes`);
      }
      runs.startRun(await context.runtimeOf(sessionId));
      events.pump();
      return context.requireSession(sessionId);
    },
    async "session/stop"({ sessionId }) {
      const runtime = context.runtimes.get(sessionId);
      const run = runtime && (await runtime).run;
      if (run) {
        run.controller.abort("stop");
        await run.done;
      } else {
        const session = context.requireSession(sessionId);
        context.leases.refuseIfBusy(sessionId);
        if (session.status !== "done" && session.status !== "stopped") updateSession(store, sessionId, { status: "stopped", reason: "stopped by the user" });
        if (runtime) await runs.freeSandboxes(await runtime);
      }
      events.pump();
      return context.requireSession(sessionId);
    },
    async "tree/get"({ sessionId }) {
      return getTree(store, sessionId);
    },
  };
}
