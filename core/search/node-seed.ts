import { createHash } from "node:crypto";
import type { Tree } from "../../shared/domain/tree.ts";
import { ancestors, nodeOf } from "../../shared/domain/tree-navigation.ts";

/**
 * A key that names a node by what it is, not by its random id: the changeset hashes from the root
 * down to it. Equal in two runs of the same recipe, so ties and seeds do not depend on ids.
 */
export function lineageKey(tree: Tree, nodeId: string): string {
  const chain = [nodeOf(tree, nodeId), ...ancestors(tree, nodeId)].reverse();
  return chain.map((node) => node.changesetHash.slice(0, 16)).join("/");
}

/** The seed a node is expanded with: the spec's seed and the node's lineage, so a run repeats exactly. */
export function nodeSeed(specSeed: number, tree: Tree, nodeId: string): number {
  return createHash("sha256").update(`${specSeed}:${lineageKey(tree, nodeId)}`).digest().readUInt32BE(0);
}
