import type { FileChanges } from "../../../shared/file-changes.ts";

/**
 * The changes of the k-th node a test writer adds: a pure function of k, so a test can check
 * every stored changeset exactly after killing the writer. Several files per node, contents
 * shared between nodes (stored once), large contents that span many database pages, deletions.
 */
export function workloadChanges(k: number): FileChanges {
  const changes: FileChanges = {};
  const files = 1 + (k % 6);
  for (let i = 0; i < files; i++) changes[`src/file-${(k + i) % 11}.js`] = `// node ${k}, file ${i}\nexport const value = ${k * 31 + i};\n`;
  changes["shared/config.json"] = `{ "variant": ${k % 3} }\n`;
  if (k % 3 === 0) changes[`big/chunk-${k % 4}.txt`] = `${k}:`.padEnd(64 * 1024 + (k % 7) * 1000, String.fromCharCode(97 + (k % 26)));
  if (k % 4 === 0) changes[`old/removed-${k % 5}.js`] = null;
  return changes;
}

/** The hypothesis text that names a workload node's k. */
export const workloadBlocks = (k: number): string => `k=${k}`;

/** The k of a workload node, from its hypothesis text. */
export const workloadK = (blocks: string): number => Number(blocks.slice(2));
