/**
 * The pure bookkeeping of the trees the renderer follows: each session's tree from `tree/get`,
 * advanced by `tree/delta` events with shared/domain's applyTreeDeltas. Deltas that arrive while a
 * tree is loading are kept and applied on top of it (those it already includes are skipped by seq).
 */
import type { ErrorValue } from "../../../shared/errors.ts";
import { applyTreeDeltas } from "../../../shared/domain/apply-tree-deltas.ts";
import type { Tree } from "../../../shared/domain/tree.ts";
import type { TreeDelta } from "../../../shared/domain/tree-delta.ts";

/** One followed session's tree. */
export type TreeEntry =
  | { kind: "loading"; buffered: TreeDelta[] }
  | { kind: "ready"; tree: Tree }
  | { kind: "error"; error: ErrorValue };

/** Followed trees by session id. */
export type TreeEntries = Record<string, TreeEntry>;

/** The session a delta belongs to. */
export function deltaSessionId(delta: TreeDelta): string {
  return delta.kind === "session-updated" ? delta.session.id : delta.node.sessionId;
}

/**
 * Applies a batch of deltas to the followed trees. Returns the new entries and the sessions whose
 * tree no longer fits (a missed event): the caller reloads those with `tree/get`.
 */
export function receiveDeltas(entries: TreeEntries, deltas: readonly TreeDelta[]): { entries: TreeEntries; reload: string[] } {
  const bySession = new Map<string, TreeDelta[]>();
  for (const delta of deltas) {
    const id = deltaSessionId(delta);
    if (!entries[id]) continue;
    const list = bySession.get(id) ?? [];
    list.push(delta);
    bySession.set(id, list);
  }
  if (bySession.size === 0) return { entries, reload: [] };
  const next = { ...entries };
  const reload: string[] = [];
  for (const [id, list] of bySession) {
    const entry = next[id];
    if (entry?.kind === "loading") next[id] = { kind: "loading", buffered: [...entry.buffered, ...list] };
    else if (entry?.kind === "ready") {
      try {
        next[id] = { kind: "ready", tree: applyTreeDeltas(entry.tree, list) };
      } catch {
        next[id] = { kind: "loading", buffered: [] };
        reload.push(id);
      }
    }
  }
  return { entries: next, reload };
}

/** Takes a loaded tree, with any deltas buffered while it loaded applied on top. `reload` says the buffered deltas did not fit and the tree must be fetched again. */
export function receiveTree(entries: TreeEntries, tree: Tree): { entries: TreeEntries; reload: boolean } {
  const entry = entries[tree.session.id];
  const buffered = entry?.kind === "loading" ? entry.buffered : [];
  try {
    return { entries: { ...entries, [tree.session.id]: { kind: "ready", tree: applyTreeDeltas(tree, buffered) } }, reload: false };
  } catch {
    return { entries: { ...entries, [tree.session.id]: { kind: "loading", buffered: [] } }, reload: true };
  }
}
