import type { Tree } from "../../shared/domain/tree.ts";
import { ForkliftError } from "../../shared/errors.ts";
import { lastEventSeq } from "./events.ts";
import type { Store } from "./open-store.ts";
import { nodeFromRow, selectNodeRows } from "./rows.ts";
import type { CheckRow, NodeRow } from "./rows.ts";
import { getSession } from "./sessions.ts";

/**
 * A session's whole tree, read from one snapshot, with the seq of the newest event it includes:
 * a subscriber then applies `listEvents({ since: tree.seq, sessionId })` to stay current.
 */
export function getTree(store: Store, sessionId: string): Tree {
  return store.read(() => {
    const session = getSession(store, sessionId);
    if (!session) throw new ForkliftError("not-found", `no session ${sessionId} in the store`);
    const rows = store.statement(`${selectNodeRows} WHERE n.session_id = ? ORDER BY n.created_at, n.id`).all(sessionId) as NodeRow[];
    const checkRows = store
      .statement("SELECT c.* FROM check_results c JOIN nodes n ON n.id = c.node_id WHERE n.session_id = ? ORDER BY c.node_id, c.position")
      .all(sessionId) as CheckRow[];
    const checksByNode = new Map<string, CheckRow[]>();
    for (const check of checkRows) {
      const list = checksByNode.get(check.node_id) ?? [];
      list.push(check);
      checksByNode.set(check.node_id, list);
    }
    const nodes = Object.fromEntries(rows.map((row) => [row.id, nodeFromRow(store, row, checksByNode.get(row.id) ?? [])]));
    return { session, nodes, seq: lastEventSeq(store) };
  });
}
