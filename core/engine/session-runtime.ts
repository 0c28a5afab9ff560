/** A session's live parts in this process: its spec, runner, generators and search, opened from the store. */
import { setMaxListeners } from "node:events";
import type { GeneratorName } from "../../shared/protocol/contract.ts";
import type { Generator, Limiter } from "../generators/index.ts";
import { createLimiter } from "../generators/index.ts";
import type { SandboxDriver } from "../sandbox/index.ts";
import type { Spec } from "../spec/spec-schema.ts";
import { getSession, getSessionSetting } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { rootDescriptionKey } from "../search/checkpoints.ts";
import { createCheckedJudge } from "../search/judgement/checked-judge.ts";
import { createHostJudge } from "../search/judgement/host-judge.ts";
import { openRepoSnapshot } from "../search/repo/repo-snapshot.ts";
import type { RepoSnapshot } from "../search/repo/repo-snapshot.ts";
import { DockerRunner } from "../search/runner/docker-runner.ts";
import { createHostRunner } from "../search/runner/host-runner.ts";
import type { HostRunner } from "../search/runner/host-runner.ts";
import type { Runner } from "../search/runner/runner.ts";
import type { SearchContext, SearchLog } from "../search/search-context.ts";
import { SearchSession } from "../search/search-session.ts";
import type { SearchProgress } from "../search/search-session.ts";
import { buildGenerators } from "./build-generators.ts";
import { nestedLimiter } from "./nested-limiter.ts";
import type { LlmCallSettings } from "./build-generators.ts";
import type { SandboxChoice } from "./sandbox-choice.ts";
import type { UserSettings } from "./user-settings.ts";
import { loadSessionSpec } from "./session-settings.ts";
import { ForkliftError } from "../../shared/errors.ts";
import { requireSessionRepository } from "./require-repository.ts";

/** What opening a runtime needs from the engine. */
export interface RuntimeDeps {
  readonly store: Store;
  readonly sandbox: SandboxChoice;
  /** Connects the Docker driver on first use. */
  readonly docker: () => Promise<SandboxDriver>;
  readonly env: NodeJS.ProcessEnv;
  readonly labelPrefix: string;
  /** Labels on every container and image of the engine's sessions: the store's id and path. */
  readonly labels: Readonly<Record<string, string>>;
  readonly fastTier: boolean;
  readonly llm: LlmCallSettings;
  /** The user's LLM settings, read when the runtime opens. */
  readonly settings: UserSettings;
  readonly log: (sessionId: string, ...line: Parameters<SearchLog>) => void;
  readonly changed: () => void;
  readonly progress: (sessionId: string, progress: SearchProgress) => void;
  /** The engine's bound on sandboxes running at once, across sessions. */
  readonly sandboxes: Limiter;
}

/** A session opened in this process. */
export interface SessionRuntime {
  readonly sessionId: string;
  readonly spec: Spec;
  readonly generatorNames: readonly GeneratorName[] | undefined;
  readonly snapshot: RepoSnapshot;
  readonly runner: Runner;
  readonly generators: readonly Generator[];
  readonly search: SearchSession;
  readonly context: SearchContext;
  /** The label on the session's containers and images. */
  readonly label: string;
  /** The current automatic run, if any. */
  run?: { controller: AbortController; done: Promise<void> };
  /** Work the user asked for (expansions, manual edits) still being judged. */
  readonly background: Set<Promise<void>>;
  /** Aborts background work when the runtime closes. */
  readonly closing: AbortController;
}

/** Opens a session's runtime from the store. */
export async function openRuntime(deps: RuntimeDeps, sessionId: string): Promise<SessionRuntime> {
  const session = getSession(deps.store, sessionId);
  if (!session) throw new ForkliftError("not-found", `no session ${sessionId} in the store`);
  const { spec, generators: generatorNames } = loadSessionSpec(deps.store, sessionId);
  await requireSessionRepository(session.repoPath, session.rootCommit, sessionId);
  const label = sessionLabel(deps.labelPrefix, sessionId);
  const runner = await createRunner(deps, spec, sessionId, label, session.repoPath, getSessionSetting(deps.store, sessionId, rootDescriptionKey));
  const llmLimiter: Limiter = createLimiter(spec.budgets.llmCallsAtOnce);
  const generators = buildGenerators(spec, generatorNames, deps.env, llmLimiter, deps.llm, deps.settings.llm());
  const snapshot = openRepoSnapshot(session.repoPath, session.rootCommit);
  const context: SearchContext = {
    store: deps.store,
    sessionId,
    spec,
    snapshot,
    runner,
    judge: runner instanceof DockerRunner ? createCheckedJudge({ driver: await deps.docker(), runner, checks: spec.checks, limits: sandboxLimits(spec) }) : createHostJudge(runner, spec.checks),
    generators,
    sandboxes: nestedLimiter(createLimiter(spec.budgets.sandboxesAtOnce), deps.sandboxes),
    fastTier: deps.fastTier,
    log: (level, message, nodeId) => deps.log(sessionId, level, message, nodeId),
    changed: deps.changed,
  };
  const search = new SearchSession(context, (progress) => deps.progress(sessionId, progress));
  const closing = new AbortController();
  setMaxListeners(0, closing.signal); // every LLM call the user asks for listens to it
  return { sessionId, spec, generatorNames, snapshot, runner, generators, search, context, label, background: new Set(), closing };
}

/** The label a session's sandboxes carry: the engine's prefix (tests use their run's) and the session id. */
export function sessionLabel(prefix: string, sessionId: string): string {
  return prefix === "" || prefix.endsWith("-") ? `${prefix}${sessionId}` : `${prefix}-${sessionId}`;
}

async function createRunner(deps: RuntimeDeps, spec: Spec, sessionId: string, label: string, repoPath: string, rootDescription: string | undefined): Promise<DockerRunner | HostRunner> {
  const copyIgnored = spec.sandbox.copyIgnored.length > 0 ? { root: repoPath, paths: spec.sandbox.copyIgnored } : undefined;
  if (deps.sandbox.kind === "host") {
    return createHostRunner({ setup: spec.sandbox.setup, ...(copyIgnored && { copyIgnored }), ...(deps.sandbox.root !== undefined && { root: `${deps.sandbox.root}/${label}` }) });
  }
  const base = spec.sandbox.base;
  const image = base.kind === "image" ? { name: base.name } : { name: `forklift/built:${label}`, build: { context: repoPath, dockerfile: base.path }, session: label, labels: deps.labels };
  return new DockerRunner({
    driver: await deps.docker(),
    sessionLabel: label,
    image,
    setup: spec.sandbox.setup,
    setupNetwork: spec.sandbox.setupNetwork,
    ...(copyIgnored && { copyIgnored }),
    limits: sandboxLimits(spec),
    labels: deps.labels,
    log: (message) => deps.log(sessionId, "info", message),
    ...(rootDescription !== undefined && { rootDescription }),
  });
}

/** The spec's sandbox limits in the driver's terms. */
function sandboxLimits(spec: Spec): { memoryBytes: number; cpus: number; pids: number } {
  return { memoryBytes: spec.sandbox.limits.memory, cpus: spec.sandbox.limits.cpus, pids: spec.sandbox.limits.pids };
}

