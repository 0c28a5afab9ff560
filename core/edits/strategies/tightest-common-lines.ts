/**
 * The common lines of SEARCH and a window of the file: a longest common subsequence that, among
 * the longest, leaves between each two consecutive common lines as many SEARCH lines as file
 * lines wherever it can (the fewest lines only one side has). A plain LCS may take a lone `/**`
 * several lines up instead of the SEARCH line right before a changed one; that choice makes a
 * place look as if the file gained lines, and hides that the line the block changes differs.
 * Before the first and after the last common line nothing is counted (the window's edges are
 * arbitrary). Among choices still equal, each pair is the nearest to `target` (the window index
 * where SEARCH's first line is expected), so a window over two identical places takes its own.
 * Pairs are 0-based (SEARCH index, window index), ascending.
 */
export function tightestCommonLines(wanted: readonly string[], window: readonly string[], target: number): Array<[number, number]> {
  const n = wanted.length;
  const m = window.length;
  // Three tiers of cost, each weighing more than everything below it can add up to: SEARCH lines
  // left out (so the pairs are a longest common subsequence), lines only one side has between two
  // pairs, distance of the pairs from the target.
  const apart = n * (n + m + Math.abs(target)) + 1;
  const big = apart * (n + m + 1);
  const width = m + 1;
  const none = Number.MAX_SAFE_INTEGER;
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
        const fromPrefix = big * (i - 1);
        matched[at] = Math.min(fromRun, fromPrefix) + Math.abs(j - i - target);
        afterPrefix[at] = fromPrefix < fromRun ? 1 : 0;
      }
      let best = matched[at]!;
      let how = 0;
      const paired = inRun[at - width - 1]! + big;
      if (paired < best) [best, how] = [paired, 1];
      const searchOnly = inRun[at - width]! + big + apart;
      if (searchOnly < best) [best, how] = [searchOnly, 2];
      const fileOnly = inRun[at - 1]! + apart;
      if (fileOnly < best) [best, how] = [fileOnly, 3];
      inRun[at] = best;
      move[at] = how;
    }
  }
  let best = big * n;
  let end = -1;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = matched[i * width + j]!;
      if (cost < none && cost + big * (n - i) < best) {
        best = cost + big * (n - i);
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
