/**
 * The candidate a mistyped word most likely meant, or undefined when none is close: a case
 * difference, a few typos (edit distance up to a third of the word), or a prefix of 4+ letters
 * with at most one typo (`timout` → `timeoutSec`).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    const distance = Math.min(editDistance(lower, other), prefixDistance(lower, other), prefixDistance(other, lower));
    const allowed = Math.max(1, Math.floor(Math.max(lower.length, other.length) / 3));
    if (distance <= allowed && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** 0.5 when `word` is a prefix of `whole`, 1.5 when it is one typo from one; Infinity otherwise or when shorter than 4. */
function prefixDistance(word: string, whole: string): number {
  if (word.length < 4 || word.length >= whole.length) return Infinity;
  if (whole.startsWith(word)) return 0.5;
  for (const length of [word.length - 1, word.length, word.length + 1]) {
    if (length >= 4 && editDistance(word, whole.slice(0, length)) <= 1) return 1.5;
  }
  return Infinity;
}

/** Levenshtein distance, counting a swap of two neighbouring letters as one edit. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const up = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = value;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
