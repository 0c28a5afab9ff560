/**
 * The session's checkpoints as a cache over the store: a node's checkpoint is reattached when it
 * still exists, or rebuilt from the nearest ancestor that has one plus the changesets between
 * (the root from its commit), and recorded on the node. Containers and images are caches.
 */
import { rootOf } from "../../shared/domain/tree-navigation.ts";
import type { Tree } from "../../shared/domain/tree.ts";
import { getChangesetFiles, getNode, getTree, setSessionSetting, updateNode, updateSession } from "../store/index.ts";
import { changesSince } from "./node-files.ts";
import { cloneAtCommit } from "./repo/clone-at-commit.ts";
import type { CheckpointHandle } from "./runner/runner.ts";
import type { SearchContext } from "./search-context.ts";
import { writeChanges } from "./write-changes.ts";

/** The session setting holding the runner's description of the root checkpoint. */
export const rootDescriptionKey = "runner-root";

/** Finds, reattaches and builds checkpoints for one session. */
export class Checkpoints {
  private readonly live = new Map<string, CheckpointHandle>();
  private readonly building = new Map<string, Promise<CheckpointHandle>>();

  constructor(private readonly context: SearchContext) {}

  /** The checkpoint nearest to a node (itself or an ancestor), reattached or rebuilt as needed. */
  async nearest(nodeId: string): Promise<CheckpointHandle> {
    const tree = getTree(this.context.store, this.context.sessionId);
    let current = tree.nodes[nodeId];
    while (current) {
      const live = this.live.get(current.id);
      if (live) return live;
      if (current.checkpointImageId !== undefined) {
        const handle = await this.context.runner.reattach(current.checkpointImageId, current.id);
        if (handle) {
          this.live.set(current.id, handle);
          return handle;
        }
        this.context.log("info", `checkpoint of node ${current.id.slice(0, 8)} is gone; it will be rebuilt when needed`, current.id);
        updateNode(this.context.store, current.id, { checkpointImageId: null });
        this.context.changed();
      }
      if (current.parentId === undefined) return this.ensureRoot(tree);
      current = tree.nodes[current.parentId];
    }
    throw new Error(`node ${nodeId} is not in session ${this.context.sessionId}`);
  }

  /** A checkpoint of exactly this node: the nearest one with the changesets since applied, committed. */
  ensure(nodeId: string): Promise<CheckpointHandle> {
    let pending = this.building.get(nodeId);
    if (!pending) {
      pending = this.build(nodeId).finally(() => this.building.delete(nodeId));
      this.building.set(nodeId, pending);
    }
    return pending;
  }

  /** Forgets and removes the checkpoints of these nodes (pruning); the store's record is cleared by the caller. */
  async remove(nodeIds: readonly string[]): Promise<void> {
    for (const nodeId of nodeIds) {
      const node = getNode(this.context.store, nodeId);
      const handle = this.live.get(nodeId) ?? (node?.checkpointImageId !== undefined ? { id: node.checkpointImageId, nodeId } : undefined);
      this.live.delete(nodeId);
      if (handle) await this.context.runner.remove(handle);
    }
  }

  private async build(nodeId: string): Promise<CheckpointHandle> {
    const base = await this.nearest(nodeId);
    if (base.nodeId === nodeId) return base;
    const { store, runner, sandboxes } = this.context;
    const changes = changesSince(store, base.nodeId, nodeId);
    const handle = await sandboxes.run(() => runner.derive(base, nodeId, changes));
    this.live.set(nodeId, handle);
    updateNode(store, nodeId, { checkpointImageId: handle.id });
    this.context.changed();
    return handle;
  }

  private ensureRoot(tree: Tree): Promise<CheckpointHandle> {
    const root = rootOf(tree);
    if (!root) throw new Error(`session ${tree.session.id} has no root`);
    let pending = this.building.get(root.id);
    if (!pending) {
      pending = this.buildRoot(tree, root.id).finally(() => this.building.delete(root.id));
      this.building.set(root.id, pending);
    }
    return pending;
  }

  private async buildRoot(tree: Tree, rootId: string): Promise<CheckpointHandle> {
    const { store, runner, sessionId } = this.context;
    this.context.log("info", `preparing the root checkpoint of ${tree.session.repoPath} at ${tree.session.rootCommit.slice(0, 10)}`, rootId);
    const checkout = await cloneAtCommit(tree.session.repoPath, tree.session.rootCommit);
    try {
      await writeChanges(checkout.dir, getChangesetFiles(store, rootId)); // exact bytes, modes and links
      const handle = await runner.createRoot(rootId, checkout.dir);
      const description = runner.describeRoot();
      if (description !== undefined) setSessionSetting(store, sessionId, rootDescriptionKey, description);
      this.live.set(rootId, handle);
      updateNode(store, rootId, { checkpointImageId: handle.id });
      updateSession(store, sessionId, { rootCheckpointId: handle.id });
      this.context.changed();
      return handle;
    } finally {
      await checkout.remove();
    }
  }
}
