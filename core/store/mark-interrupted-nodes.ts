import type { Node } from "../../shared/domain/node.ts";
import { updateNode } from "./nodes.ts";
import type { Store } from "./open-store.ts";

/** The reason given to a node whose check was cut off. */
export const interruptedReason = "interrupted: its check was cut off (crash or stop) and will run again";

/**
 * Sends nodes left `checking` by a crash back to `pending`, with their events, in ONE
 * transaction; returns them. Call when a session resumes, never on every open: another process
 * may be checking those nodes right now.
 */
export function markInterruptedNodes(store: Store, sessionId: string): Node[] {
  return store.write(() => {
    const ids = store.statement("SELECT id FROM nodes WHERE session_id = ? AND state = 'checking' ORDER BY created_at, id").pluck().all(sessionId) as string[];
    return ids.map((id) => updateNode(store, id, { state: "pending", reason: interruptedReason }));
  });
}
