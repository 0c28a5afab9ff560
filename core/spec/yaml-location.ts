import { isAlias, isMap, isScalar, isSeq } from "yaml";
import type { Document, LineCounter, Node as YamlNode } from "yaml";

/** A 1-based line and column in a YAML source. */
export interface SourcePosition {
  line: number;
  column: number;
}

/**
 * Where the value at `path` starts in the source, or where its nearest existing ancestor starts
 * (a missing field is reported at the mapping that lacks it). With `key`, where that key of the
 * mapping at `path` is written (an unknown key is reported at the key itself).
 */
export function locateInYaml(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], key?: string): SourcePosition {
  let node = resolve(doc, doc.contents);
  let found = node;
  for (const segment of [...path, ...(key === undefined ? [] : [key])]) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      if (segment === key && isScalar(pair.key)) {
        found = pair.key;
        break;
      }
      node = resolve(doc, pair.value as YamlNode | null);
    } else if (isSeq(node) && typeof segment === "number") {
      node = resolve(doc, node.items[segment] as YamlNode | undefined);
    } else {
      break;
    }
    if (!node) break;
    found = node;
  }
  const offset = found?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function resolve(doc: Document, node: YamlNode | null | undefined): YamlNode | undefined {
  if (isAlias(node)) return (node.resolve(doc) as YamlNode | undefined) ?? node;
  return node ?? undefined;
}
