import { randomUUID } from "node:crypto";
import type { CheckSummary } from "../../shared/domain/check-summary.ts";
import type { Hypothesis } from "../../shared/domain/hypothesis.ts";
import { NodeSchema } from "../../shared/domain/node.ts";
import type { Node } from "../../shared/domain/node.ts";
import { canTransition } from "../../shared/domain/node-state.ts";
import type { NodeState } from "../../shared/domain/node-state.ts";
import type { Provenance } from "../../shared/domain/provenance.ts";
import type { Score } from "../../shared/domain/score.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { FileChanges } from "../../shared/file-changes.ts";
import { putBlob } from "./blobs.ts";
import { modeColumn } from "./changesets.ts";
import type { StoredChanges } from "./changesets.ts";
import { changesetHash } from "./changeset-hash.ts";
import { checkRepoPath } from "./check-repo-path.ts";
import { appendEvent } from "./events.ts";
import type { Store } from "./open-store.ts";
import { nodeFromRow, selectNodeRows, withoutUndefined } from "./rows.ts";
import type { CheckRow, NodeRow } from "./rows.ts";

/** A hypothesis to record under an existing node. */
export interface NewNode {
  parentId: string;
  hypothesis: Exclude<Hypothesis, { kind: "root" }>;
  provenance: Provenance;
  /** The files it changes relative to its parent (null: deleted). */
  changes: FileChanges;
  /** `pending` (default), or `invalid` when its edits did not even apply (say why in `reason`). */
  state?: Extract<NodeState, "pending" | "invalid">;
  reason?: string;
  /** Default 1. */
  votes?: number;
}

/**
 * Records a node in ONE transaction: the node, its provenance, its changeset (each content
 * stored once by hash) and its `node-added` event. Throws "not-found" for an unknown parent.
 */
export function addNode(store: Store, input: NewNode): Node {
  return store.write(() => {
    const parent = getNode(store, input.parentId);
    if (!parent) throw new ForkliftError("not-found", `no node ${input.parentId} in the store`);
    return insertNode(store, {
      sessionId: parent.sessionId,
      parentId: parent.id,
      depth: parent.depth + 1,
      hypothesis: input.hypothesis,
      provenance: input.provenance,
      changes: input.changes,
      state: input.state ?? "pending",
      reason: input.reason,
      votes: input.votes ?? 1,
    });
  });
}

/** What {@link insertNode} needs; the root has no parent and no provenance. */
export interface NodeInsert {
  sessionId: string;
  parentId: string | undefined;
  depth: number;
  hypothesis: Hypothesis;
  provenance: Provenance | undefined;
  /** Text, or git files where bytes and modes matter (the root's uncommitted work). */
  changes: StoredChanges;
  state: NodeState;
  reason: string | undefined;
  votes: number;
}

/** Writes a node, its provenance, changeset and event. Call inside a write transaction. */
export function insertNode(store: Store, input: NodeInsert): Node {
  const paths = Object.keys(input.changes);
  paths.forEach(checkRepoPath);
  const now = Date.now();
  const blobHashes = new Map<string, string | undefined>();
  const modes = new Map<string, number | null>();
  for (const path of paths) {
    const change = input.changes[path] ?? null;
    blobHashes.set(path, change === null ? undefined : putBlob(store, typeof change === "string" ? change : change.content));
    modes.set(path, modeColumn(change));
  }
  const node: Node = validNode({
    id: randomUUID(),
    sessionId: input.sessionId,
    parentId: input.parentId,
    depth: input.depth,
    changesetHash: changesetHash([...blobHashes].map(([path, hash]) => [path, hash, modes.get(path) ?? null] as const)),
    hypothesis: input.hypothesis,
    provenance: input.provenance,
    checks: [],
    votes: input.votes,
    state: input.state,
    reason: input.reason,
    pinned: false,
    createdAt: now,
    updatedAt: now,
  });
  store
    .statement(
      `INSERT INTO nodes (id, session_id, parent_id, depth, changeset_hash, changeset_size, hypothesis, state, reason,
                          score, score_value, votes, pinned, checkpoint_image_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, 0, NULL, ?, ?)`,
    )
    .run(node.id, node.sessionId, node.parentId ?? null, node.depth, node.changesetHash, paths.length, JSON.stringify(node.hypothesis), node.state, node.reason ?? null, node.votes, now, now);
  const addChange = store.statement("INSERT INTO changesets (node_id, path, blob_hash, mode) VALUES (?, ?, ?, ?)");
  for (const [path, hash] of blobHashes) addChange.run(node.id, path, hash ?? null, modes.get(path) ?? null);
  if (node.provenance) {
    const p = node.provenance;
    store
      .statement(
        `INSERT INTO provenance (node_id, generator, model, prompt_hash, tokens_in, tokens_out, tokens_cached, cost_usd, latency_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(node.id, p.generator, p.model ?? null, p.promptHash ?? null, p.tokensIn, p.tokensOut, p.tokensCached, p.costUsd, p.latencyMs);
  }
  appendEvent(store, { kind: "node-added", node }, now);
  return node;
}

/** A change to a node's outcome. A new `state` replaces `reason` too (a reason explains its state). */
export interface NodeUpdate {
  state?: NodeState;
  reason?: string;
  score?: Score;
  /** Replaces all check summaries of the node. */
  checks?: CheckSummary[];
  votes?: number;
  pinned?: boolean;
  /** The image the node's sandbox was committed to; null when that image was removed. */
  checkpointImageId?: string | null;
}

/**
 * Changes a node and appends its `node-updated` event in ONE transaction; returns the node as
 * stored. Refuses a state change the node's life does not allow (see canTransition). A change
 * that changes nothing writes nothing.
 */
export function updateNode(store: Store, nodeId: string, update: NodeUpdate): Node {
  return store.write(() => {
    const before = getNode(store, nodeId);
    if (!before) throw new ForkliftError("not-found", `no node ${nodeId} in the store`);
    if (update.state !== undefined && !canTransition(before.state, update.state)) {
      throw new ForkliftError("invalid-input", `node ${nodeId} is ${before.state}; it cannot become ${update.state}`);
    }
    const names = update.checks?.map((check) => check.name) ?? [];
    if (new Set(names).size !== names.length) throw new ForkliftError("invalid-input", `node ${nodeId}: two check results have the same name`);
    const after = validNode({
      ...before,
      state: update.state ?? before.state,
      reason: update.state !== undefined && update.state !== before.state ? update.reason : (update.reason ?? before.reason),
      score: update.score ?? before.score,
      checks: update.checks ?? before.checks,
      votes: update.votes ?? before.votes,
      pinned: update.pinned ?? before.pinned,
      checkpointImageId: update.checkpointImageId === null ? undefined : (update.checkpointImageId ?? before.checkpointImageId),
      updatedAt: before.updatedAt,
    });
    if (JSON.stringify(after) === JSON.stringify(before)) return before;
    after.updatedAt = Math.max(Date.now(), before.updatedAt);
    store
      .statement(
        `UPDATE nodes SET state = ?, reason = ?, score = ?, score_value = ?, votes = ?, pinned = ?, checkpoint_image_id = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(
        after.state,
        after.reason ?? null,
        after.score === undefined ? null : JSON.stringify(after.score),
        after.score?.value ?? null,
        after.votes,
        after.pinned ? 1 : 0,
        after.checkpointImageId ?? null,
        after.updatedAt,
        nodeId,
      );
    if (update.checks) {
      store.statement("DELETE FROM check_results WHERE node_id = ?").run(nodeId);
      const addCheck = store.statement(
        `INSERT INTO check_results (node_id, position, name, mode, status, new_failures, fixed_failures, baseline_failures, duration_ms, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      after.checks.forEach((check, position) =>
        addCheck.run(nodeId, position, check.name, check.mode, check.status, check.newFailures, check.fixedFailures, check.baselineFailures, check.durationMs, check.detail ?? null),
      );
    }
    appendEvent(store, { kind: "node-updated", node: after }, after.updatedAt);
    return after;
  });
}

/** A node by id, or undefined. */
export function getNode(store: Store, nodeId: string): Node | undefined {
  return store.read(() => {
    const row = store.statement(`${selectNodeRows} WHERE n.id = ?`).get(nodeId) as NodeRow | undefined;
    if (!row) return undefined;
    const checks = store.statement("SELECT * FROM check_results WHERE node_id = ? ORDER BY position").all(nodeId) as CheckRow[];
    return nodeFromRow(store, row, checks);
  });
}

/** Checks a node against the domain schema before it is written, so the store never holds what its readers reject. */
function validNode(node: Node): Node {
  const result = NodeSchema.safeParse(withoutUndefined(node));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ForkliftError("invalid-input", `invalid node: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "rejected"}`);
  }
  return withoutUndefined(result.data);
}
