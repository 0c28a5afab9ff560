import { CheckDetailSchema } from "../../shared/protocol/check-detail.ts";
import type { CheckDetail } from "../../shared/protocol/check-detail.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { Store } from "./open-store.ts";

/**
 * Replaces a node's check details (each check run in full: failures by name, exit code, captured
 * output). They are not part of the tree's events: the UI asks for them when a node is opened.
 */
export function setCheckDetails(store: Store, nodeId: string, details: readonly CheckDetail[]): void {
  store.write(() => {
    if (store.statement("SELECT 1 FROM nodes WHERE id = ?").get(nodeId) === undefined) throw new ForkliftError("not-found", `no node ${nodeId} in the store`);
    store.statement("DELETE FROM check_details WHERE node_id = ?").run(nodeId);
    const insert = store.statement("INSERT INTO check_details (node_id, name, position, detail) VALUES (?, ?, ?, ?)");
    details.forEach((detail, position) => insert.run(nodeId, detail.summary.name, position, JSON.stringify(CheckDetailSchema.parse(detail))));
  });
}

/** A node's check details in the order its checks ran (none when it was never checked, or checked before details were kept). */
export function getCheckDetails(store: Store, nodeId: string): CheckDetail[] {
  const rows = store.statement("SELECT detail FROM check_details WHERE node_id = ? ORDER BY position").pluck().all(nodeId) as string[];
  return rows.map((row) => CheckDetailSchema.parse(JSON.parse(row)));
}
