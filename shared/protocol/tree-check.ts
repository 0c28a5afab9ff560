import { z } from "zod";
import { NodeSchema } from "../domain/node.ts";
import { SessionSchema } from "../domain/session.ts";
import type { Tree } from "../domain/tree.ts";
import { TreeSchema } from "../domain/tree.ts";
import type { TreeDelta } from "../domain/tree-delta.ts";
import { TreeDeltaSchema } from "../domain/tree-delta.ts";

/** Trees with at most this many nodes are checked whole; larger ones check this many nodes whole, spread evenly, and the rest's shape. */
export const treeCheckNodes = 1000;

const TreeEnvelopeSchema = z.strictObject({ session: SessionSchema, nodes: z.record(z.string(), z.unknown()), seq: TreeSchema.shape.seq });
const nodeKeys = new Set(Object.keys(NodeSchema.shape));

/** A check's outcome, shaped like zod's safeParse so serveRpc treats both alike. */
export type TreeCheck = { success: true; data: Tree } | { success: false; error: z.ZodError };

/**
 * Checks a `tree/get` answer against the contract at a cost that does not grow with the tree's
 * detail: a large tree (10,000 nodes is 9 MB of JSON, and zod takes longer over it than sending it)
 * has its session, seq and every node's shape checked (an object whose id is its key, with no field
 * the contract does not name, so nothing unexpected can leak out), and an even spread of
 * {@link treeCheckNodes} nodes checked whole: an engine bug in how nodes are built shows in every
 * node. A small tree is checked whole. This guards against engine bugs; requests are always checked whole.
 */
export function checkTree(value: unknown): TreeCheck {
  const envelope = TreeEnvelopeSchema.safeParse(value);
  if (!envelope.success) return envelope;
  const entries = Object.entries(envelope.data.nodes);
  if (entries.length <= treeCheckNodes) return TreeSchema.safeParse(value);
  const stride = entries.length / treeCheckNodes;
  let nextWhole = 0;
  for (let k = 0; k < entries.length; k++) {
    const [id, node] = entries[k]!;
    const fault = shapeFault(id, node);
    if (fault) return { success: false, error: new z.ZodError([{ code: "custom", path: ["nodes", id, ...fault.path], message: fault.message, input: node }]) };
    if (k < nextWhole) continue;
    nextWhole += stride;
    const parsed = NodeSchema.safeParse(node);
    if (!parsed.success) return { success: false, error: new z.ZodError(parsed.error.issues.map((issue) => ({ ...issue, path: ["nodes", id, ...issue.path] }))) };
  }
  return { success: true, data: value as Tree };
}

/** What is wrong with a node's shape (cheap: no field's value is looked into but the id), or undefined. */
function shapeFault(id: string, node: unknown): { path: string[]; message: string } | undefined {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return { path: [], message: "expected a node object" };
  for (const key in node) if (!nodeKeys.has(key)) return { path: [key], message: `unrecognized key: "${key}"` };
  if ((node as { id?: unknown }).id !== id) return { path: ["id"], message: "expected the node's id to be its key in nodes" };
  return undefined;
}

/** How many deltas {@link createDeltaCheck} checks whole per 100 ms before it samples; then one in {@link deltaSampleEvery}. */
export const deltaWholeBudget = 32;
/** In a burst, one delta in this many is still checked whole. */
export const deltaSampleEvery = 8;

/** A check's outcome for a tree delta, shaped like zod's safeParse. */
export type DeltaCheck = { success: true; data: TreeDelta } | { success: false; error: z.ZodError };

/**
 * A checker of `tree/delta` payloads for a client: every delta is checked whole, except in a
 * burst (over {@link deltaWholeBudget} within 100 ms, e.g. 500 deltas in one frame): then every
 * delta's shape is checked (kind, seq, and the node's fields as in {@link checkTree}) and one in
 * {@link deltaSampleEvery} whole, so a burst does not cost the page a frame of zod.
 */
export function createDeltaCheck(now: () => number = Date.now): (payload: unknown) => DeltaCheck {
  let windowStart = Number.NEGATIVE_INFINITY;
  let wholeInWindow = 0;
  let seen = 0;
  return (payload) => {
    const at = now();
    if (at - windowStart >= 100) {
      windowStart = at;
      wholeInWindow = 0;
    }
    seen++;
    const delta = payload as { kind?: unknown; seq?: unknown; node?: { id?: unknown } } | undefined;
    const nodeDelta = delta?.kind === "node-added" || delta?.kind === "node-updated";
    if (!nodeDelta || wholeInWindow < deltaWholeBudget || seen % deltaSampleEvery === 0) {
      wholeInWindow++;
      return TreeDeltaSchema.safeParse(payload);
    }
    const fault = deltaShapeFault(delta);
    if (fault) return { success: false, error: new z.ZodError([{ code: "custom", path: fault.path, message: fault.message, input: payload }]) };
    return { success: true, data: payload as TreeDelta };
  };
}

function deltaShapeFault(delta: { kind?: unknown; seq?: unknown; node?: { id?: unknown } }): { path: string[]; message: string } | undefined {
  for (const key in delta) if (key !== "kind" && key !== "seq" && key !== "node") return { path: [key], message: `unrecognized key: "${key}"` };
  if (typeof delta.seq !== "number" || !Number.isInteger(delta.seq) || delta.seq <= 0) return { path: ["seq"], message: "expected a positive integer" };
  const id = delta.node?.id;
  if (typeof id !== "string" || id.length === 0) return { path: ["node", "id"], message: "expected a node id" };
  const fault = shapeFault(id, delta.node);
  return fault && { path: ["node", ...fault.path], message: fault.message };
}
