/**
 * The bench's own notion of "the same text, give or take whitespace and quote styles", written
 * independently of core/edits so that the corpus's ground truth does not lean on the applier.
 */

const lookAlikes: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B]/g, "'"],
  [/[\u201C\u201D\u201E\u201F]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, "-"],
  [/\u2026/g, "..."],
];

/** A line with look-alike punctuation mapped, whitespace runs collapsed and ends trimmed. */
export function looseKey(line: string): string {
  let key = line;
  for (const [pattern, ascii] of lookAlikes) key = key.replace(pattern, ascii);
  return key.replace(/\s+/g, " ").trim();
}

const keyCache = new WeakMap<readonly string[], string[]>();

/** How many places the non-blank lines of `snippet` occur, in order and consecutive among the file's non-blank lines, loosely compared. */
export function looseOccurrences(fileLines: readonly string[], snippet: readonly string[]): number {
  let file = keyCache.get(fileLines);
  if (!file) {
    file = fileLines.map(looseKey).filter((k) => k !== "");
    keyCache.set(fileLines, file);
  }
  const wanted = snippet.map(looseKey).filter((k) => k !== "");
  if (wanted.length === 0) return 0;
  let count = 0;
  for (let i = 0; i + wanted.length <= file.length; i++) {
    let same = true;
    for (let j = 0; j < wanted.length && same; j++) same = file[i + j] === wanted[j];
    if (same) count++;
  }
  return count;
}

/** How many places `snippet` occurs byte for byte as whole consecutive lines. */
export function exactOccurrences(fileLines: readonly string[], snippet: readonly string[]): number {
  let count = 0;
  for (let i = 0; i + snippet.length <= fileLines.length; i++) {
    let same = true;
    for (let j = 0; j < snippet.length && same; j++) same = fileLines[i + j] === snippet[j];
    if (same) count++;
  }
  return count;
}
