/** What a line costs when it stays unpaired: the fuzzy window's cost of a differing line (blank lines cost nothing). */
const lineCost = 3;

/**
 * The common lines of SEARCH and a window of the file, chosen for the alignment that differs
 * least: each SEARCH line left without its equal costs a line, and so does each non-blank file
 * line between two common lines that no SEARCH line stands for (a run of SEARCH lines and file
 * lines between two common lines costs the longer of the two). A plain longest common
 * subsequence may take a lone `/**` several lines up instead of leaving the SEARCH line above a
 * change unpaired; that makes the place meant look as if the file gained lines, and can hide
 * that a line the block changes differs. Before the first and after the last common line only
 * SEARCH lines count (the window's edges are arbitrary). Among equal costs, more common lines
 * win, then pairs nearest `target` (the window index where SEARCH's first line is expected), so a
 * window over two identical places takes its own. Pairs are 0-based (SEARCH index, window
 * index), ascending.
 */
export function tightestCommonLines(wanted: readonly string[], window: readonly string[], target: number): Array<[number, number]> {
  const n = wanted.length;
  const m = window.length;
  // Three tiers, each weighing more than everything below can add up to: the lines that differ,
  // the SEARCH lines left without an equal, the distance of the pairs from the target.
  const near = n * (n + m + Math.abs(target)) + 1;
  const unpaired = near;
  const differing = unpaired * (n + 1);
  const searchAlone = (i: number): number => (wanted[i] === "" ? 0 : lineCost * differing) + unpaired;
  const fileAlone = (j: number): number => (window[j] === "" ? 0 : lineCost * differing);
  const width = m + 1;
  const none = Number.MAX_VALUE;
  // prefix[i]: SEARCH lines 0..i-1 all before the first common line; suffix[i]: lines i..n-1 all after the last.
  const prefix = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) prefix[i] = prefix[i - 1]! + searchAlone(i - 1);
  const suffix = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) suffix[i] = suffix[i + 1]! + searchAlone(i);
  // inRun[i, j]: a[0..i) and b[0..j) aligned with at least one common line; matched[i, j]: the same, ending with the pair (i-1, j-1).
  const inRun = new Float64Array((n + 1) * width).fill(none);
  const matched = new Float64Array((n + 1) * width).fill(none);
  const move = new Uint8Array((n + 1) * width);
  const afterPrefix = new Uint8Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const at = i * width + j;
      if (wanted[i - 1] === window[j - 1]) {
        const fromRun = inRun[at - width - 1]!;
        const fromPrefix = prefix[i - 1]!;
        matched[at] = Math.min(fromRun, fromPrefix) + Math.abs(j - i - target);
        afterPrefix[at] = fromPrefix < fromRun ? 1 : 0;
      }
      let best = matched[at]!;
      let how = 0;
      const paired = inRun[at - width - 1]! + lineCost * differing + unpaired;
      if (paired < best) [best, how] = [paired, 1];
      const searchOnly = inRun[at - width]! + searchAlone(i - 1);
      if (searchOnly < best) [best, how] = [searchOnly, 2];
      const fileOnly = inRun[at - 1]! + fileAlone(j - 1);
      if (fileOnly < best) [best, how] = [fileOnly, 3];
      inRun[at] = best;
      move[at] = how;
    }
  }
  let best = prefix[n]!;
  let end = -1;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = matched[i * width + j]!;
      if (cost < none && cost + suffix[i]! < best) {
        best = cost + suffix[i]!;
        end = i * width + j;
      }
    }
  }
  const pairs: Array<[number, number]> = [];
  let at = end;
  let atPair = true;
  while (at >= 0) {
    if (atPair) {
      pairs.push([Math.floor(at / width) - 1, (at % width) - 1]);
      if (afterPrefix[at]) break;
      at -= width + 1;
      atPair = false;
      continue;
    }
    const how = move[at]!;
    if (how === 0) atPair = true;
    else at -= how === 1 ? width + 1 : how === 2 ? width : 1;
  }
  return pairs.reverse();
}
