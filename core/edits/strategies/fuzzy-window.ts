import { isBlank, lineKey } from "../line-keys.ts";
import type { FileIndex } from "../file-index.ts";
import type { PreparedBlock } from "../prepare-block.ts";
import { alignWindow } from "./window-alignment.ts";
import type { WindowAlignment } from "./window-alignment.ts";
import { placesShown } from "./strategy.ts";
import type { Alignment, LineRange, StaleHint, Strategy, StrategyOutcome } from "./strategy.ts";
import { changesAreAnchored } from "./hunk-anchors.ts";
import { isConfirmedTypo } from "./typo.ts";

/** Past this many (line, position) votes the file is too repetitive for SEARCH to be placed approximately. */
const maxVotingWork = 100_000;
/** Past this many windows to judge, no place can be told apart from the others well enough. */
const maxCandidates = 2000;
/** Past this much alignment work (SEARCH lines × window lines, summed), the same: refuse rather than spend. */
const maxAlignmentWork = 600_000;
/** Lines of the file taken beyond SEARCH's length on each side, for lines the file gained since the model read it. */
const minSlack = 3;
/** Of SEARCH's non-blank lines, at least this share must be found unchanged at the place. */
const minExactShare = 0.5;
/** What a differing line costs when windows are compared: a typo (a word misspelled by a character or two) … */
const typoCost = 1;
/** … and any other difference: a line changed otherwise, missing, or added (what a file that moved on shows). */
const changeCost = 3;

interface Candidate {
  window: WindowAlignment;
  /** How far the window is from SEARCH: {@link typoCost} per mistyped line, {@link changeCost} per other differing, missing or extra line. */
  distance: number;
  /** Non-blank SEARCH lines found unchanged. */
  exact: number;
  /** Whether the block may be applied here: every line it changes is in the file, and each change sits among intact lines. */
  valid: boolean;
  /** Whether every difference is a one-for-one near line (a typo); otherwise context lines were added, removed or rewritten. */
  typosOnly: boolean;
}

/**
 * Last resort for context that drifted: a mistyped line, or lines the file has changed, gained
 * or lost since the model read it. Candidate windows come from where SEARCH's lines occur; each
 * is aligned line by line (an LCS of normalized lines, differing lines paired one for one). The
 * block applies only where every line it removes or rewrites is still in the file (a one- or
 * two-character typo there only when REPLACE itself spells the file's word), every change is
 * framed by intact neighbours, at least half of SEARCH is found unchanged, and the place beats
 * every other window, applicable or not, by a wide margin. Context lines are written back as
 * the file has them, so neither a typo nor a stale context line reaches the file.
 */
export const fuzzyWindow: Strategy = {
  name: "fuzzy",
  locate(file, block) {
    if (block.elisions.length > 0) return { kind: "none" };
    const search = block.search;
    const nonBlank = search.filter((line) => !isBlank(line)).length;
    if (nonBlank < 2) return { kind: "none" };
    const candidates = candidateWindows(file, block, nonBlank);
    if (candidates === undefined || candidates.length === 0) return { kind: "none" };
    const byDistance = [...candidates].sort((a, b) => a.distance - b.distance || a.window.start - b.window.start);
    const winner = byDistance.find((c) => isWinnable(c, nonBlank));
    if (winner) {
      // Every other window, applicable or not, must differ from SEARCH by at least one whole line more.
      const rivals = byDistance.filter((c) => c !== winner && !samePlace(c.window, winner.window) && c.distance < winner.distance + changeCost);
      if (rivals.length === 0) return { kind: "unique", alignment: alignmentOf(winner.window), ...(winner.typosOnly ? {} : { named: "stale-context" as const }) };
      const close = [winner, ...rivals.filter((c) => c.valid)];
      if (close.length > 1) {
        const places: LineRange[] = close.slice(0, placesShown).map((c) => ({ from: c.window.start, to: c.window.end }));
        return { kind: "ambiguous", count: close.length, places };
      }
    }
    return staleOutcome(block, byDistance[0]!, nonBlank);
  },
};

/** Whether the block may be applied at a candidate: every change holds there and at least half of SEARCH is unchanged. */
function isWinnable(c: Candidate, nonBlank: number): boolean {
  return c.valid && c.exact >= Math.max(2, Math.ceil(minExactShare * nonBlank));
}

/**
 * Every window that could win or rival the winner, judged. SEARCH's lines vote for offsets
 * (where they occur, minus their index); a window around an offset can hold at most the votes
 * within its slack as unchanged lines, so its distance is at least the non-blank lines left
 * over. Windows are judged from the most promising down until none left could win or come
 * within a line of the best applicable one. Undefined when that takes too many windows (a file
 * too repetitive to be sure) or the lines occur too often.
 */
function candidateWindows(file: FileIndex, block: PreparedBlock, nonBlank: number): Candidate[] | undefined {
  const search = block.search;
  const votes = new Map<number, number>();
  let work = 0;
  for (let i = 0; i < search.length; i++) {
    if (isBlank(search[i]!)) continue;
    const positions = file.positions("normalized", lineKey(search[i]!, "normalized"));
    work += positions.length;
    if (work > maxVotingWork) return undefined;
    for (const p of positions) votes.set(p - i, (votes.get(p - i) ?? 0) + 1);
  }
  const slack = Math.max(minSlack, Math.ceil(search.length / 4));
  const offsets = [...votes.keys()].sort((a, b) => a - b);
  // The votes an offset's window can hold: those of every offset within its slack.
  const potential = new Map<number, number>();
  let low = 0;
  let high = 0;
  let sum = 0;
  for (const offset of offsets) {
    while (high < offsets.length && offsets[high]! <= offset + slack) sum += votes.get(offsets[high++]!)!;
    while (offsets[low]! < offset - slack) sum -= votes.get(offsets[low++]!)!;
    potential.set(offset, sum);
  }
  const order = [...offsets].sort((a, b) => potential.get(b)! - potential.get(a)! || a - b);
  const winnable = Math.max(2, Math.ceil(minExactShare * nonBlank));
  const seen = new Set<string>();
  const judged: Candidate[] = [];
  let bestValid = Infinity;
  for (const offset of order) {
    const most = potential.get(offset)!;
    const least = (nonBlank - Math.min(nonBlank, most)) * typoCost;
    if (most < winnable && (bestValid === Infinity || least >= bestValid + changeCost)) break;
    if (judged.length >= maxCandidates) return undefined;
    const from = Math.max(0, offset - slack);
    const to = Math.min(file.lines.length, offset + search.length + slack);
    work += search.length * (to - from);
    if (work > maxAlignmentWork) return undefined;
    const window = alignWindow(file, search, from, to, offset);
    if (!window) continue;
    const key = window.match.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    const candidate = judge(file, block, window, nonBlank);
    judged.push(candidate);
    if (isWinnable(candidate, nonBlank)) bestValid = Math.min(bestValid, candidate.distance);
  }
  return judged;
}

function judge(file: FileIndex, block: PreparedBlock, window: WindowAlignment, nonBlank: number): Candidate {
  let distance = 0;
  let exact = 0;
  let typosOnly = true;
  let changedHold = true;
  const replaced = block.ops.flatMap((op) => (op.kind === "insert" ? [block.replace[op.b]!] : []));
  block.search.forEach((line, i) => {
    const status = window.status[i]!;
    const blank = isBlank(line);
    if (status === "exact") {
      if (!blank) exact++;
      return;
    }
    if (status === "modified") {
      const fileLine = file.lines[window.match[i]!]!;
      const typo = isConfirmedTypo(line, fileLine, undefined);
      // A typo in a changed line that REPLACE corrects is the model's slip, shown twice: no doubt about the place.
      const confirmed = block.changed[i] && isConfirmedTypo(line, fileLine, replaced);
      if (!blank || !isBlank(fileLine)) distance += confirmed ? 0 : typo ? typoCost : changeCost;
      if (!typo) typosOnly = false;
      if (block.changed[i] && !confirmed) changedHold = false;
      return;
    }
    if (!blank) {
      distance += changeCost;
      typosOnly = false;
    }
    if (block.changed[i]) changedHold = false;
  });
  distance += changeCost * window.extraLines;
  if (window.extraLines > 0) typosOnly = false;
  // Which of several equal lines in a row a block removes is the diff's choice; where the file differs, the one it changed may be the one meant.
  const valid = changedHold && !changesAmongEqualLines(block) && changesAreAnchored(file, block, window);
  return { window, distance, exact, valid, typosOnly: typosOnly && exact >= nonBlank - 2 };
}

/** Whether a line the block removes or rewrites has an equal kept line right next to it (`any,` among `any,` lines). */
function changesAmongEqualLines(block: PreparedBlock): boolean {
  const keys = block.search.map((line) => lineKey(line, "normalized"));
  return block.search.some((line, i) => {
    if (!block.changed[i] || isBlank(line)) return false;
    return (i > 0 && !block.changed[i - 1] && keys[i - 1] === keys[i]) || (i + 1 < keys.length && !block.changed[i + 1] && keys[i + 1] === keys[i]);
  });
}

/** Whether two windows are the same place seen twice: some SEARCH line stands for the same file line in both (overlapping windows that shift SEARCH are rivals). */
function samePlace(a: WindowAlignment, b: WindowAlignment): boolean {
  return a.match.some((line, i) => line >= 0 && line === b.match[i]);
}

/** The alignment of a window: each SEARCH line to its file line, or to none (at the place it would be). */
function alignmentOf(window: WindowAlignment): Alignment {
  const ranges: LineRange[] = [];
  let cursor = window.start;
  const mismatched = new Set<number>();
  window.match.forEach((line, i) => {
    if (line >= 0) {
      ranges.push({ from: line, to: line + 1 });
      cursor = line + 1;
      if (window.status[i] === "modified") mismatched.add(i);
    } else {
      ranges.push({ from: cursor, to: cursor });
    }
  });
  return { start: window.start, end: window.end, ranges, mismatched };
}

/** No place: when the best window holds most of SEARCH but not the lines it changes, say the file moved on. */
function staleOutcome(block: PreparedBlock, best: Candidate, nonBlank: number): StrategyOutcome {
  const changedDiffer = block.search.some((_, i) => block.changed[i] && best.window.status[i] === "modified");
  if (!changedDiffer || best.exact < Math.max(2, nonBlank / 2)) return { kind: "none" };
  const differing: StaleHint["differing"] = [];
  block.search.forEach((_, i) => {
    const line = best.window.match[i]!;
    if (best.window.status[i] === "modified") differing.push({ search: i, file: line });
  });
  const stale: StaleHint = { start: best.window.start, end: best.window.end, differing };
  return { kind: "none", stale };
}
