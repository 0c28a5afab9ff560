/** The handlers the studio's inspector reads: session/info, node/compare and node/checks. */
import { ForkliftError } from "../../shared/errors.ts";
import type { EngineApi } from "../../shared/protocol/contract.ts";
import { openRepoSnapshot } from "../search/repo/repo-snapshot.ts";
import { getSessionSetting } from "../store/index.ts";
import { checkDetails } from "./check-details.ts";
import type { EngineContext } from "./engine-context.ts";
import { compareNodes } from "./node-diff.ts";
import { sessionInfo } from "./session-info.ts";
import { engineSettingKeys, loadSessionSpec } from "./session-settings.ts";

/** The handlers of session/info, node/compare and node/checks. */
export function inspectHandlers(context: EngineContext): Pick<EngineApi, "session/info" | "node/compare" | "node/checks"> {
  return {
    async "session/info"({ sessionId }) {
      return sessionInfo(context, sessionId);
    },
    async "node/compare"({ leftId, rightId }) {
      const left = context.requireNode(leftId);
      const right = context.requireNode(rightId);
      if (left.sessionId !== right.sessionId) {
        throw new ForkliftError("invalid-input", `nodes ${leftId.slice(0, 8)} and ${rightId.slice(0, 8)} belong to different sessions: compare two nodes of one tree`);
      }
      const session = context.requireSession(left.sessionId);
      return compareNodes(context.store, openRepoSnapshot(session.repoPath, session.rootCommit), leftId, rightId);
    },
    async "node/checks"({ nodeId }) {
      const node = context.requireNode(nodeId);
      // a session the store keeps no spec for (written by hand, or by an older Forklift) still shows its checks
      const spec = getSessionSetting(context.store, node.sessionId, engineSettingKeys.specText) === undefined ? undefined : loadSessionSpec(context.store, node.sessionId).spec;
      return { checks: checkDetails(node, spec, context.store) };
    },
  };
}
