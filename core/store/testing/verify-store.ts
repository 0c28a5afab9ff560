import { expect } from "vitest";
import { applyTreeDelta } from "../../../shared/domain/apply-tree-delta.ts";
import type { Tree } from "../../../shared/domain/tree.ts";
import type { TreeDelta } from "../../../shared/domain/tree-delta.ts";
import { hashContent } from "../blobs.ts";
import { changesetHash } from "../changeset-hash.ts";
import { getChangeset } from "../changesets.ts";
import { listEvents } from "../events.ts";
import { getTree } from "../get-tree.ts";
import type { Store } from "../open-store.ts";
import { workloadChanges, workloadK } from "./writer-workload.ts";

/** Every event of a session, in order, paging through the log. */
export function allEvents(store: Store, sessionId: string, since = 0, until = Infinity): TreeDelta[] {
  const events: TreeDelta[] = [];
  for (;;) {
    const page = listEvents(store, { since: events.at(-1)?.seq ?? since, sessionId, limit: 500 });
    events.push(...page.filter((event) => event.seq <= until));
    if (page.length < 500 || (page.at(-1)?.seq ?? 0) > until) return events;
  }
}

/**
 * Asserts that a store written by store-writer.ts is whole: SQLite's own integrity and foreign
 * key checks pass, every node's changeset is exactly the one its writer meant (no half-written
 * node), every content matches its hash, and replaying the event log gives the stored tree.
 * Returns the tree.
 */
export function verifyWorkloadStore(store: Store, sessionId: string): Tree {
  expect(store.db.pragma("integrity_check", { simple: true })).toBe("ok");
  expect(store.db.pragma("foreign_key_check")).toEqual([]);

  const tree = getTree(store, sessionId);
  const nodes = Object.values(tree.nodes);
  const ks: number[] = [];
  const sizes = new Map(
    (store.db.prepare("SELECT id, changeset_size FROM nodes").all() as { id: string; changeset_size: number }[]).map((row) => [row.id, row.changeset_size]),
  );
  for (const node of nodes) {
    if (node.hypothesis.kind === "root") continue;
    if (node.hypothesis.kind !== "manual" || node.hypothesis.editBlocks === undefined) throw new Error(`unexpected node ${node.id}`);
    const k = workloadK(node.hypothesis.editBlocks);
    ks.push(k);
    const expected = workloadChanges(k);
    expect(getChangeset(store, node.id), `changeset of node k=${k}`).toEqual(expected);
    expect(sizes.get(node.id)).toBe(Object.keys(expected).length);
    const blobHashes = Object.entries(expected).map(([path, content]) => [path, content === null ? undefined : hashContent(content)] as const);
    expect(node.changesetHash).toBe(changesetHash(blobHashes));
    expect(node.provenance?.tokensIn).toBe(k);
    if (node.state === "scored") {
      expect(node.checks.map((check) => check.name)).toEqual(["typecheck", "tests", "lint"]);
      expect(node.score?.value).toBe(k);
    }
  }
  // the writer numbers nodes by count: with whole-or-absent nodes, the ks have no gap
  expect(ks.sort((a, b) => a - b)).toEqual(ks.map((_, index) => index + 1));

  for (const { hash, content } of store.db.prepare("SELECT hash, content FROM blobs").all() as { hash: string; content: Buffer }[]) {
    expect(hashContent(content)).toBe(hash);
  }

  const events = allEvents(store, sessionId, 0, tree.seq);
  const seqs = events.map((event) => event.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
  const added = events.filter((event) => event.kind === "node-added");
  expect(added).toHaveLength(nodes.length);
  const first = events[0];
  if (first?.kind !== "session-updated") throw new Error("the log must start with the session");
  const replayed = events.reduce(applyTreeDelta, { session: first.session, nodes: {}, seq: 0 });
  expect(replayed).toEqual(tree);
  return tree;
}
