/** A session with what the studio shows around its tree: its spec, budgets, what it has spent, its sites at the root. */
import type { Session } from "../../shared/domain/session.ts";
import { rootOf } from "../../shared/domain/tree-navigation.ts";
import type { Tree } from "../../shared/domain/tree.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { SessionInfo } from "../../shared/protocol/session-info.ts";
import { getSessionSetting, getTree } from "../store/index.ts";
import { spentBy } from "../search/budget.ts";
import { nodeSourceFiles } from "../search/node-files.ts";
import { openRepoSnapshot } from "../search/repo/repo-snapshot.ts";
import { settingKeys } from "../search/search-session.ts";
import type { Spec } from "../spec/spec-schema.ts";
import { countSites } from "../targets/index.ts";
import { availableGenerators } from "./build-generators.ts";
import type { EngineContext } from "./engine-context.ts";
import { sessionActivity } from "./session-leases.ts";
import { engineSettingKeys, loadSessionSpec } from "./session-settings.ts";

/** Reads a session's info from the store and, while it runs here, from its runtime. */
export async function sessionInfo(context: EngineContext, sessionId: string): Promise<SessionInfo> {
  const session = context.requireSession(sessionId);
  const { spec, generators: chosen } = loadSessionSpec(context.store, sessionId);
  const generators = chosen ?? availableGenerators(spec);
  const tree = getTree(context.store, sessionId);
  const runtime = await context.runtimes.get(sessionId)?.catch(() => undefined);
  const activity = sessionActivity(context.store, session);
  // this process's run, or another process holding the session's lease
  const live = isLive(runtime) || (activity.kind === "live" && activity.holder.owner !== context.leases.owner);
  const storedWallMs = Number(getSessionSetting(context.store, sessionId, settingKeys.wallMs) ?? 0);
  const spent = live && runtime ? runtime.search.spent(tree) : spentBy(tree, storedWallMs);
  const usesModel = generators.includes("llm");
  return {
    session,
    specPath: getSessionSetting(context.store, sessionId, engineSettingKeys.specPath) ?? "",
    goal: spec.goal,
    generators,
    // tokens and money are spent by the model only: a recipe session has no such limit
    budgets: { ...(usesModel && { tokens: spec.budgets.tokens, usd: spec.budgets.usd }), wallMinutes: spec.budgets.wallMinutes },
    spent,
    sitesAtRoot: await sitesAtRoot(context, session, tree, spec),
    live,
  };
}

/** Whether this process's runner drives the session right now. */
function isLive(runtime: { run?: unknown } | undefined): boolean {
  return runtime?.run !== undefined;
}

/** The root's sites: from its score once the baseline ran, else counted in the root's files. */
async function sitesAtRoot(context: EngineContext, session: Session, tree: Tree, spec: Spec): Promise<number> {
  const sessionId = session.id;
  const root = rootOf(tree);
  if (root?.score) return root.score.sitesLeft;
  if (!root) throw new ForkliftError("store-corrupt", `session ${sessionId} has no root node: start a new session`);
  try {
    return countSites(spec.targets, await nodeSourceFiles(context.store, openRepoSnapshot(session.repoPath, session.rootCommit), root.id));
  } catch (error) {
    if (error instanceof ForkliftError) throw error;
    throw new ForkliftError("repo-missing", `the repository of session ${sessionId.slice(0, 8)} (${session.repoPath}) cannot be read: restore it there`, { cause: error });
  }
}
