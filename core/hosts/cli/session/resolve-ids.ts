import type { Node } from "../../../../shared/domain/node.ts";
import type { Session } from "../../../../shared/domain/session.ts";
import { ForkliftError } from "../../../../shared/errors.ts";
import { getTree, listSessions } from "../../../store/index.ts";
import type { Store } from "../../../store/index.ts";

/** The session an id or a unique id prefix (as `tree` prints them) names. */
export function resolveSession(store: Store, idOrPrefix: string): Session {
  const matches = listSessions(store).filter((session) => session.id.startsWith(idOrPrefix));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new ForkliftError("not-found", `no session ${idOrPrefix} in ${store.path}: list them with \`forklift tree\``);
  throw new ForkliftError("invalid-input", `${idOrPrefix} matches ${matches.length} sessions: give more of the id`);
}

/** The node an id or a unique id prefix names, in any session of the store. */
export function resolveNode(store: Store, idOrPrefix: string): Node {
  const matches: Node[] = [];
  for (const session of listSessions(store)) {
    for (const node of Object.values(getTree(store, session.id).nodes)) if (node.id.startsWith(idOrPrefix)) matches.push(node);
  }
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new ForkliftError("not-found", `no node ${idOrPrefix} in ${store.path}: see \`forklift tree SESSION\``);
  throw new ForkliftError("invalid-input", `${idOrPrefix} matches ${matches.length} nodes: give more of the id`);
}
