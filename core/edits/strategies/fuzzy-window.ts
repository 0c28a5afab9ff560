import { isBlank, lineKey } from "../line-keys.ts";
import type { FileIndex } from "../file-index.ts";
import type { PreparedBlock } from "../prepare-block.ts";
import { editDistance } from "../similarity.ts";
import { alignWindow } from "./window-alignment.ts";
import type { WindowAlignment } from "./window-alignment.ts";
import { placesShown } from "./strategy.ts";
import type { Alignment, LineRange, StaleHint, Strategy, StrategyOutcome } from "./strategy.ts";
import { changesAreAnchored } from "./hunk-anchors.ts";
import { isConfirmedTypo } from "./typo.ts";

/** A SEARCH line found in more places than this does not vote for a window (a lone brace says little). */
const maxVotesPerLine = 50;
/** At most this many candidate windows are aligned. */
const maxCandidates = 12;
/** Lines of the file taken beyond SEARCH's length on each side, for lines the file gained since the model read it. */
const minSlack = 3;
/** Of SEARCH's non-blank lines, at least this share must be found unchanged at the place. */
const minExactShare = 0.5;
/** Lines longer than this are compared by equality only (edit distance is quadratic). */
const maxLineLength = 500;

interface Candidate {
  window: WindowAlignment;
  /** Characters to edit to turn the window into SEARCH (normalized lines; a missing or extra line costs its length). */
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
    const candidates = candidateWindows(file, block).map((window) => judge(file, block, window, nonBlank));
    if (candidates.length === 0) return { kind: "none" };
    const byDistance = [...candidates].sort((a, b) => a.distance - b.distance || a.window.start - b.window.start);
    const valid = byDistance.filter((c) => c.valid && c.exact >= Math.max(2, Math.ceil(minExactShare * nonBlank)));
    const winner = valid[0];
    if (winner) {
      // Every other window, applicable or not, must need at least 3 × the winner's edits + 3 to become SEARCH.
      const rivals = byDistance.filter((c) => c !== winner && !overlaps(c.window, winner.window) && c.distance < 3 * winner.distance + 3);
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

/** Windows of the file where SEARCH's lines vote for the same offset, the most voted first. */
function candidateWindows(file: FileIndex, block: PreparedBlock): WindowAlignment[] {
  const search = block.search;
  const votes = new Map<number, number>();
  search.forEach((line, i) => {
    if (isBlank(line)) return;
    const positions = file.positions("normalized", lineKey(line, "normalized"));
    if (positions.length > maxVotesPerLine) return;
    for (const p of positions) votes.set(p - i, (votes.get(p - i) ?? 0) + 1);
  });
  const offsets = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, maxCandidates);
  const slack = Math.max(minSlack, Math.ceil(search.length / 4));
  const seen = new Set<string>();
  const windows: WindowAlignment[] = [];
  for (const [offset] of offsets) {
    const from = Math.max(0, offset - slack);
    const to = Math.min(file.lines.length, offset + search.length + slack);
    const window = alignWindow(file, search, from, to);
    if (!window) continue;
    const key = window.match.join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    windows.push(window);
  }
  return windows;
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
      distance += lineDistance(lineKey(line, "normalized"), lineKey(fileLine, "normalized"));
      const typo = isConfirmedTypo(line, fileLine, undefined);
      if (!typo) typosOnly = false;
      if (block.changed[i] && !isConfirmedTypo(line, fileLine, replaced)) changedHold = false;
      return;
    }
    distance += lineKey(line, "normalized").length;
    if (!blank) typosOnly = false;
    if (block.changed[i]) changedHold = false;
  });
  const claimed = new Set(window.match);
  for (let j = window.start; j < window.end; j++) if (!claimed.has(j)) distance += lineKey(file.lines[j]!, "normalized").length;
  if (window.extraLines > 0) typosOnly = false;
  const valid = changedHold && changesAreAnchored(file, block, window);
  return { window, distance, exact, valid, typosOnly: typosOnly && exact >= nonBlank - 2 };
}

function lineDistance(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer > maxLineLength ? longer : editDistance(a, b);
}

function overlaps(a: WindowAlignment, b: WindowAlignment): boolean {
  return a.start < b.end && b.start < a.end;
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
