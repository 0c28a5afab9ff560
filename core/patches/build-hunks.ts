import type { Hunk, HunkLine } from "./patch-types.ts";
import { internLines } from "./intern-lines.ts";
import { longestCommonSubsequence } from "./myers-diff.ts";

/** A changed region: old lines [oldFrom, oldTo) became new lines [newFrom, newTo). */
interface Change {
  oldFrom: number;
  oldTo: number;
  newFrom: number;
  newTo: number;
}

/** Diffs two line arrays (lines with terminators) into unified-diff hunks with `context` lines around changes. */
export function buildHunks(oldLines: readonly string[], newLines: readonly string[], context = 3): Hunk[] {
  const changes = changesBetween(oldLines, newLines);
  const hunks: Hunk[] = [];
  let index = 0;
  while (index < changes.length) {
    let last = index;
    while (last + 1 < changes.length && changes[last + 1]!.oldFrom - changes[last]!.oldTo <= 2 * context) last++;
    hunks.push(hunkFor(changes.slice(index, last + 1), oldLines, newLines, context));
    index = last + 1;
  }
  return hunks;
}

/** Counts the bytes (UTF-16 units) of lines the two versions share, for rename similarity. */
export function sharedLength(oldLines: readonly string[], newLines: readonly string[]): number {
  const ids = internLines(oldLines, newLines);
  let shared = 0;
  for (const [i] of longestCommonSubsequence(ids.a, ids.b)) shared += oldLines[i]!.length;
  return shared;
}

function changesBetween(oldLines: readonly string[], newLines: readonly string[]): Change[] {
  const ids = internLines(oldLines, newLines);
  const pairs = longestCommonSubsequence(ids.a, ids.b);
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of [...pairs, [oldLines.length, newLines.length] as const]) {
    if (mi > i || mj > j) changes.push({ oldFrom: i, oldTo: mi, newFrom: j, newTo: mj });
    i = mi + 1;
    j = mj + 1;
  }
  return changes;
}

function hunkFor(group: Change[], oldLines: readonly string[], newLines: readonly string[], context: number): Hunk {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const lead = Math.min(context, first.oldFrom);
  const trail = Math.min(context, oldLines.length - last.oldTo);
  const oldFrom = first.oldFrom - lead;
  const newFrom = first.newFrom - lead;
  const lines: HunkLine[] = [];
  let cursor = oldFrom;
  for (const change of group) {
    for (; cursor < change.oldFrom; cursor++) lines.push({ kind: "context", text: oldLines[cursor]! });
    for (let k = change.oldFrom; k < change.oldTo; k++) lines.push({ kind: "remove", text: oldLines[k]! });
    for (let k = change.newFrom; k < change.newTo; k++) lines.push({ kind: "add", text: newLines[k]! });
    cursor = change.oldTo;
  }
  for (let k = 0; k < trail; k++) lines.push({ kind: "context", text: oldLines[cursor + k]! });
  const oldCount = last.oldTo + trail - oldFrom;
  const newCount = last.newTo + trail - newFrom;
  // A hunk with no old (new) lines is anchored after the preceding line: git's convention.
  return {
    oldStart: oldCount === 0 ? oldFrom : oldFrom + 1,
    oldCount,
    newStart: newCount === 0 ? newFrom : newFrom + 1,
    newCount,
    lines,
  };
}
