import type { SgNode } from "@ast-grep/napi";

/**
 * The first syntax error in a parsed file: an ERROR node, or a MISSING one (tree-sitter inserts
 * a zero-width token, e.g. a `)`, where it recovers; napi shows it only as a node with empty
 * text). Searched natively with rules, not by walking the tree in JavaScript.
 */
export function findSyntaxError(root: SgNode): SgNode | undefined {
  const error = root.find({ rule: { kind: "ERROR" } });
  if (error) return error;
  if (root.range().end.index === 0) return undefined;
  return root.find({ rule: { regex: "^$" } }) ?? undefined;
}
