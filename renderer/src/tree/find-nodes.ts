/** The fork tree's find box: which nodes a query names. */
import type { Node } from "../../../shared/domain/node.ts";
import type { Tree } from "../../../shared/domain/tree.ts";
import { byAge } from "../../../shared/domain/tree-navigation.ts";

/**
 * The nodes a query matches, oldest first. Each word of the query must match (case-insensitive):
 * `state:invalid`, `gen:llm` (generator, or the hypothesis kind: root, recipe, llm, manual),
 * `model:…`, `rule:…` (a recipe's rule id), or a bare word matching an id prefix, a state or a
 * generator. An empty query matches nothing.
 */
export function findNodes(tree: Tree, query: string): Node[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean).map(parseWord);
  if (words.length === 0) return [];
  const matches: Node[] = [];
  for (const id in tree.nodes) {
    const node = tree.nodes[id]!;
    if (words.every((word) => word(node))) matches.push(node);
  }
  return matches.sort(byAge);
}

/** The generator that produced a node: its provenance's, else its hypothesis kind. */
export function generatorOf(node: Node): string {
  return node.provenance?.generator ?? node.hypothesis.kind;
}

function parseWord(word: string): (node: Node) => boolean {
  const colon = word.indexOf(":");
  const key = colon > 0 ? word.slice(0, colon) : "";
  const value = colon > 0 ? word.slice(colon + 1) : word;
  switch (key) {
    case "state":
      return (node) => node.state.startsWith(value);
    case "gen":
    case "generator":
      return (node) => generatorOf(node).toLowerCase() === value || node.hypothesis.kind === value;
    case "model":
      return (node) => (node.provenance?.model ?? "").toLowerCase().includes(value);
    case "rule":
      return (node) => node.hypothesis.kind === "recipe" && node.hypothesis.ruleId.toLowerCase().includes(value);
    case "id":
      return (node) => node.id.toLowerCase().startsWith(value);
    default:
      return (node) => node.id.toLowerCase().startsWith(word) || node.state === word || generatorOf(node).toLowerCase() === word || node.hypothesis.kind === word;
  }
}
