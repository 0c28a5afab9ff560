/** Small text helpers the parsers share: repository-relative paths, first lines, JSON amid other output. */
import path from "node:path";

/** A path as the repository sees it: POSIX, relative to `root` when it is inside it (`file://` URLs too). */
export function toRepoPath(file: string, root: string): string {
  const plain = file.startsWith("file://") ? decodeURIComponent(file.slice("file://".length)) : file;
  if (!path.posix.isAbsolute(plain)) return plain.replace(/^\.\//, "");
  const relative = path.posix.relative(root, plain);
  return relative.startsWith("..") || relative === "" ? plain : relative;
}

/** `text` with every absolute mention of `root/` removed, so names and messages do not depend on where the repository lies. */
export function withoutRoot(text: string, root: string): string {
  if (root === "" || root === "/") return text;
  const prefix = root.endsWith("/") ? root : `${root}/`;
  return text.replaceAll(`file://${prefix}`, "").replaceAll(prefix, "");
}

/** The first non-empty line, trimmed and cut to 300 characters (for one-line details). */
export function firstLine(text: string | undefined): string | undefined {
  const line = text
    ?.split(/\r?\n/)
    .map((part) => part.trim())
    .find((part) => part.length > 0);
  if (line === undefined) return undefined;
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * Parses a JSON document that may be preceded by other output (an npm script's header, a
 * warning, JSON log lines): the whole text first, else from the first line starting with `{` or
 * `[` from which the rest of the text is one JSON document. Throws when there is none.
 */
export function parseJsonAmidOutput(text: string): unknown {
  const trimmed = text.trim();
  let first: unknown;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch (error) {
    first = error;
  }
  // the report is the document that runs to the end of the output: lines before it may be JSON
  // too (a structured logger's lines, printed while the tests ran), so each line start is tried
  for (const start of trimmed.matchAll(/^[[{]/gm)) {
    if (start.index === 0) continue;
    try {
      return JSON.parse(trimmed.slice(start.index)) as unknown;
    } catch {
      // not this one
    }
  }
  throw first;
}

/** Makes ids unique in order of appearance: the second `x` becomes `x (2)`, so repeated titles stay apart. */
export function uniqueIds<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const count = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, count);
    return count === 1 ? item : { ...item, id: `${item.id} (${count})` };
  });
}

/** Joins a test's path (file, suites, title) into its id. */
export function testId(parts: readonly (string | undefined)[]): string {
  const kept: string[] = [];
  for (const part of parts) {
    const clean = part?.trim();
    if (clean && clean !== kept[kept.length - 1]) kept.push(clean);
  }
  return kept.join(" › ");
}
