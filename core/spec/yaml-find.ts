import { isAlias, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Document, Node as YamlNode } from "yaml";

/** The YAML node at a data path (`["targets", 0, "rule"]`), or undefined when the document has none there. */
export function yamlNodeAt(doc: Document, path: readonly PropertyKey[]): YamlNode | undefined {
  let node = resolve(doc, doc.contents);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      node = pair ? resolve(doc, pair.value as YamlNode | null) : undefined;
    } else if (isSeq(node) && typeof segment === "number") {
      node = resolve(doc, node.items[segment] as YamlNode | undefined);
    } else {
      return undefined;
    }
    if (!node) return undefined;
  }
  return node;
}

/**
 * The first scalar under `root` (keys before their values, depth first) that `matches`, e.g. the
 * key `patern` of a misspelt rule, or the pattern text that does not parse.
 */
export function findScalar(root: YamlNode | undefined, matches: (value: unknown, role: "key" | "value") => boolean): YamlNode | undefined {
  const seen = new Set<unknown>();
  const visit = (node: unknown, role: "key" | "value"): YamlNode | undefined => {
    if (node === null || typeof node !== "object" || seen.has(node)) return undefined;
    seen.add(node);
    if (isScalar(node)) return matches(node.value, role) ? node : undefined;
    if (isAlias(node)) return undefined;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        const found = isPair(item) ? (visit(item.key, "key") ?? visit(item.value, "value")) : visit(item, "value");
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(root, "value");
}

function resolve(doc: Document, node: YamlNode | null | undefined): YamlNode | undefined {
  if (isAlias(node)) return (node.resolve(doc) as YamlNode | undefined) ?? node;
  return node ?? undefined;
}
