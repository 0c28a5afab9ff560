import type { Excerpt } from "./block-error.ts";
import type { FileIndex } from "./file-index.ts";
import { isBlank, lineKey } from "./line-keys.ts";
import { similarity } from "./similarity.ts";

/** At most this many file lines are shown. */
const maxShown = 12;
/** Below this similarity a single line is not worth showing as "closest". */
const minSimilarity = 0.5;
/** A SEARCH line found in more places than this does not vote. */
const maxVotesPerLine = 50;
/** Files longer than this are not scanned line by line for a similar line. */
const maxScannedLines = 20_000;

/**
 * The file's lines where SEARCH was most likely meant, for an error message: the window where
 * most SEARCH lines appear at their offset (after normalization); failing that, around the file
 * line most similar to SEARCH's longest line. Undefined when nothing resembles SEARCH.
 */
export function closestLines(file: FileIndex, search: readonly string[]): Excerpt | undefined {
  const start = votedStart(file, search) ?? similarLineStart(file, search);
  if (start === undefined) return undefined;
  const windowFrom = Math.max(0, start);
  const windowTo = Math.min(file.lines.length, start + Math.max(search.length, 1), windowFrom + maxShown);
  if (windowTo <= windowFrom) return undefined;
  const wanted = search.map((line) => lineKey(line, "normalized"));
  const keys = file.keys("normalized");
  const differing: number[] = [];
  for (let j = windowFrom; j < windowTo; j++) if (keys[j] !== wanted[j - start]) differing.push(j + 1);
  // One line of context either side helps the model see where the window sits.
  const from = Math.max(0, windowFrom - 1);
  const to = Math.min(file.lines.length, windowTo + 1);
  return { first: from + 1, lines: file.lines.slice(from, to), differing };
}

function votedStart(file: FileIndex, search: readonly string[]): number | undefined {
  const votes = new Map<number, number>();
  search.forEach((line, i) => {
    if (isBlank(line)) return;
    const positions = file.positions("normalized", lineKey(line, "normalized"));
    // A line found all over the file (a lone brace) says little about where SEARCH belongs, and costs much.
    if (positions.length > maxVotesPerLine) return;
    for (const j of positions) {
      votes.set(j - i, (votes.get(j - i) ?? 0) + 1);
    }
  });
  let best: number | undefined;
  let bestVotes = 0;
  for (const [start, count] of votes) {
    if (count > bestVotes || (count === bestVotes && best !== undefined && start < best)) {
      best = start;
      bestVotes = count;
    }
  }
  return best;
}

/** At most this many file lines get the (quadratic) similarity measure; the rest are ranked by shared words. */
const maxCompared = 200;

function similarLineStart(file: FileIndex, search: readonly string[]): number | undefined {
  if (file.lines.length > maxScannedLines) return undefined;
  let probe = -1;
  search.forEach((line, i) => {
    if (probe < 0 || line.trim().length > search[probe]!.trim().length) probe = i;
  });
  if (probe < 0 || isBlank(search[probe]!)) return undefined;
  const wanted = lineKey(search[probe]!, "normalized");
  const words = [...new Set(wanted.match(/[A-Za-z_$][\w$]{2,}/g) ?? [])];
  if (words.length === 0) return undefined;
  const keys = file.keys("normalized");
  // Cheap ranking first: lines sharing the most words with the probe line.
  const shared: Array<{ line: number; count: number }> = [];
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j]!;
    if (Math.abs(key.length - wanted.length) > wanted.length / 2) continue;
    let count = 0;
    for (const word of words) if (key.includes(word)) count++;
    if (count > 0) shared.push({ line: j, count });
  }
  shared.sort((a, b) => b.count - a.count || a.line - b.line);
  let best = -1;
  let bestScore = minSimilarity;
  for (const { line } of shared.slice(0, maxCompared)) {
    const score = similarity(keys[line]!, wanted);
    if (score > bestScore) {
      best = line;
      bestScore = score;
    }
  }
  return best < 0 ? undefined : best - probe;
}
