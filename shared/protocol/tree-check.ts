import { z } from "zod";
import { NodeSchema } from "../domain/node.ts";
import { SessionSchema } from "../domain/session.ts";
import type { Tree } from "../domain/tree.ts";
import { TreeSchema } from "../domain/tree.ts";

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
