import { NodeSchema } from "../../shared/domain/node.ts";
import type { Node } from "../../shared/domain/node.ts";
import { SessionSchema } from "../../shared/domain/session.ts";
import type { Session } from "../../shared/domain/session.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { Store } from "./open-store.ts";

/** A row of `sessions`. */
export interface SessionRow {
  id: string;
  spec_name: string;
  spec_hash: string;
  repo_path: string;
  root_commit: string;
  root_checkpoint_id: string | null;
  status: string;
  reason: string | null;
  created_at: number;
  updated_at: number;
}

/** A row of `nodes` joined with its `provenance` (provenance columns null when it has none). */
export interface NodeRow {
  id: string;
  session_id: string;
  parent_id: string | null;
  depth: number;
  changeset_hash: string;
  hypothesis: string;
  state: string;
  reason: string | null;
  score: string | null;
  votes: number;
  pinned: number;
  checkpoint_image_id: string | null;
  created_at: number;
  updated_at: number;
  generator: string | null;
  model: string | null;
  prompt_hash: string | null;
  tokens_in: number | null;
  tokens_out: number | null;
  tokens_cached: number | null;
  cost_usd: number | null;
  latency_ms: number | null;
}

/** A row of `check_results`. */
export interface CheckRow {
  node_id: string;
  name: string;
  mode: string;
  status: string;
  new_failures: number;
  fixed_failures: number;
  baseline_failures: number;
  duration_ms: number;
  detail: string | null;
}

/** The SELECT that yields {@link NodeRow}s; append a WHERE clause. */
export const selectNodeRows = `
  SELECT n.id, n.session_id, n.parent_id, n.depth, n.changeset_hash, n.hypothesis, n.state, n.reason, n.score,
         n.votes, n.pinned, n.checkpoint_image_id, n.created_at, n.updated_at,
         p.generator, p.model, p.prompt_hash, p.tokens_in, p.tokens_out, p.tokens_cached, p.cost_usd, p.latency_ms
  FROM nodes n LEFT JOIN provenance p ON p.node_id = n.id`;

/** A session from its row; a row the schema rejects means the file was damaged or edited. */
export function sessionFromRow(store: Store, row: SessionRow): Session {
  const session = {
    id: row.id,
    specName: row.spec_name,
    specHash: row.spec_hash,
    repoPath: row.repo_path,
    rootCommit: row.root_commit,
    rootCheckpointId: row.root_checkpoint_id ?? undefined,
    status: row.status,
    reason: row.reason ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return checked(store, SessionSchema.safeParse(withoutUndefined(session)), `session ${row.id}`);
}

/** A node from its row and its check rows (in order). */
export function nodeFromRow(store: Store, row: NodeRow, checks: CheckRow[]): Node {
  const node = {
    id: row.id,
    sessionId: row.session_id,
    parentId: row.parent_id ?? undefined,
    depth: row.depth,
    changesetHash: row.changeset_hash,
    hypothesis: parseJson(store, row.hypothesis, `node ${row.id}`),
    provenance:
      row.generator === null
        ? undefined
        : {
            generator: row.generator,
            model: row.model ?? undefined,
            promptHash: row.prompt_hash ?? undefined,
            tokensIn: row.tokens_in,
            tokensOut: row.tokens_out,
            tokensCached: row.tokens_cached,
            costUsd: row.cost_usd,
            latencyMs: row.latency_ms,
          },
    checks: checks.map((check) => ({
      name: check.name,
      mode: check.mode,
      status: check.status,
      newFailures: check.new_failures,
      fixedFailures: check.fixed_failures,
      baselineFailures: check.baseline_failures,
      durationMs: check.duration_ms,
      detail: check.detail ?? undefined,
    })),
    score: row.score === null ? undefined : parseJson(store, row.score, `node ${row.id}`),
    votes: row.votes,
    state: row.state,
    reason: row.reason ?? undefined,
    pinned: row.pinned === 1,
    checkpointImageId: row.checkpoint_image_id ?? undefined,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return checked(store, NodeSchema.safeParse(withoutUndefined(node)), `node ${row.id}`);
}

/** Parses a JSON column; damaged JSON is a damaged store. */
export function parseJson(store: Store, text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw corrupt(store, what);
  }
}

function checked<T>(store: Store, result: { success: true; data: T } | { success: false }, what: string): T {
  if (!result.success) throw corrupt(store, what);
  return result.data;
}

function corrupt(store: Store, what: string): ForkliftError {
  return new ForkliftError("store-corrupt", `${store.path}: ${what} is unreadable (the file was damaged or edited by hand)`);
}

/** Drops undefined fields at every level, so what is read back equals its JSON round trip (as events carry it). */
export function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => withoutUndefined(item)) as T;
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => [key, withoutUndefined(field)]),
  ) as T;
}
