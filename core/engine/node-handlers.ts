/** The node handlers of the engine's API: pin, prune, expand, manual edits, diff, export and apply. */
import { descendants, nodeOf } from "../../shared/domain/tree-navigation.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { EngineApi } from "../../shared/protocol/contract.ts";
import { createManualGenerator } from "../generators/index.ts";
import type { ManualEdit } from "../generators/index.ts";
import { getTree, updateNode } from "../store/index.ts";
import { nodeFileLookup } from "../search/node-files.ts";
import { recordChildren } from "../search/record-children.ts";
import { openRepoSnapshot } from "../search/repo/repo-snapshot.ts";
import { applyToBranch } from "./apply-to-branch.ts";
import type { EngineContext } from "./engine-context.ts";
import { nodeDiff } from "./node-diff.ts";
import { provenanceHeader } from "./provenance-header.ts";
import { requireSessionRepository } from "./require-repository.ts";
import type { SessionRuns } from "./session-runs.ts";

type NodeMethods = "node/pin" | "node/unpin" | "node/prune" | "node/expand" | "node/addManualEdit" | "node/diff" | "node/export" | "node/apply";

/** The handlers of node/*. */
export function nodeHandlers(context: EngineContext, runs: SessionRuns): Pick<EngineApi, NodeMethods> {
  const { store, events } = context;
  const api: Pick<EngineApi, NodeMethods> = {
    async "node/pin"({ nodeId }) {
      context.requireNode(nodeId);
      const node = updateNode(store, nodeId, { pinned: true });
      events.pump();
      return node;
    },
    async "node/unpin"({ nodeId }) {
      context.requireNode(nodeId);
      const node = updateNode(store, nodeId, { pinned: false });
      events.pump();
      return node;
    },
    async "node/prune"({ nodeId, reason }) {
      const target = context.requireNode(nodeId);
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
        const runtime = await context.runtimeOf(target.sessionId);
        await runtime.search.checkpoints.remove(withImages.map((node) => node.id));
        store.write(() => withImages.forEach((node) => updateNode(store, node.id, { checkpointImageId: null })));
        events.pump();
      }
      return context.requireNode(nodeId);
    },
    async "node/expand"({ nodeId, hint, count }) {
      const node = context.requireNode(nodeId);
      if (node.state !== "scored") throw new ForkliftError("invalid-input", `node ${nodeId} is ${node.state}: only a scored node can be expanded`);
      const runtime = await context.runtimeOf(node.sessionId);
      const llm = runtime.generators.filter((generator) => generator.kind === "llm");
      if (hint !== undefined && llm.length === 0) {
        throw new ForkliftError("llm-not-configured", "a hint is for the LLM generator, which this session does not use: configure generators.llm in the spec");
      }
      const generators = hint !== undefined ? llm : runtime.generators;
      const { children, judged } = await runtime.search.expandNow(nodeId, { generators, signal: runtime.closing.signal, ...(hint !== undefined && { hint }), ...(count !== undefined && { count }) });
      runs.inBackground(runtime, judged);
      return { nodeIds: children.map((child) => child.id) };
    },
    async "node/addManualEdit"(request) {
      const parent = context.requireNode(request.parentId);
      if (parent.state === "pruned") throw new ForkliftError("invalid-input", `node ${parent.id} is pruned: add the edit under another node`);
      const runtime = await context.runtimeOf(parent.sessionId);
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
      if (pending.length > 0) runs.inBackground(runtime, runtime.search.judgePendingNow(runtime.closing.signal));
      return nodes[0]!;
    },
    async "node/diff"({ nodeId, against }) {
      const node = context.requireNode(nodeId);
      const session = context.requireSession(node.sessionId);
      await requireSessionRepository(session.repoPath, session.rootCommit, session.id);
      return nodeDiff(store, openRepoSnapshot(session.repoPath, session.rootCommit), nodeId, against);
    },
    async "node/export"({ nodeId }) {
      const node = context.requireNode(nodeId);
      const session = context.requireSession(node.sessionId);
      await requireSessionRepository(session.repoPath, session.rootCommit, session.id);
      const header = provenanceHeader(getTree(store, node.sessionId), nodeId);
      const { patch } = await nodeDiff(store, openRepoSnapshot(session.repoPath, session.rootCommit), nodeId, "root", header);
      return { patch, fileName: `forklift-${session.id.slice(0, 8)}-${nodeId.slice(0, 8)}.patch` };
    },
    async "node/apply"({ nodeId, branch }) {
      const node = context.requireNode(nodeId);
      const session = context.requireSession(node.sessionId);
      const { patch } = await api["node/export"]({ nodeId });
      const message = `${session.specName}: migrated by Forklift\n\n${provenanceHeader(getTree(store, session.id), nodeId)}\n`;
      return applyToBranch({ repoPath: session.repoPath, baseCommit: session.rootCommit, patch, branch: branch ?? `forklift/${session.id.slice(0, 8)}`, message });
    },
  };
  return api;
}
