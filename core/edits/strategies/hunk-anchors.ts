import type { FileIndex } from "../file-index.ts";
import { isBlank } from "../line-keys.ts";
import type { PreparedBlock } from "../prepare-block.ts";
import type { WindowAlignment } from "./window-alignment.ts";

/** One change of a block: the SEARCH lines it removes and the kept SEARCH lines just before and after it. */
interface Hunk {
  deleted: number[];
  before: number | undefined;
  after: number | undefined;
}

/** The changes of a block, from its SEARCH → REPLACE script. */
function hunksOf(block: PreparedBlock): Hunk[] {
  const hunks: Hunk[] = [];
  let lastKeep: number | undefined;
  let open: Hunk | undefined;
  for (const op of block.ops) {
    if (op.kind === "keep") {
      if (open) {
        open.after = op.a;
        hunks.push(open);
        open = undefined;
      }
      lastKeep = op.a;
      continue;
    }
    open ??= { deleted: [], before: lastKeep, after: undefined };
    if (op.kind === "delete") open.deleted.push(op.a);
  }
  if (open) hunks.push(open);
  return hunks;
}

/**
 * Whether every change of the block sits where the window leaves no doubt: the lines it removes
 * are consecutive in the file (blank lines aside), and its kept neighbours are found right next
 * to it. A neighbour the file no longer has is tolerated on one side when the change removes
 * lines (they fix its place); new lines added between kept lines go between the nearest kept
 * lines the file still has, which must be adjacent: a line the file gained there would make
 * their place a guess.
 */
export function changesAreAnchored(file: FileIndex, block: PreparedBlock, window: WindowAlignment): boolean {
  const at = (i: number): number => window.match[i]!;
  const blankBetween = (x: number, y: number): boolean => {
    if (y <= x) return false;
    for (let j = x + 1; j < y; j++) if (!isBlank(file.lines[j]!)) return false;
    return true;
  };
  for (const hunk of hunksOf(block)) {
    const { deleted, before, after } = hunk;
    if (deleted.some((i) => at(i) < 0)) return false;
    for (let k = 1; k < deleted.length; k++) if (!blankBetween(at(deleted[k - 1]!), at(deleted[k]!))) return false;
    if (deleted.length === 0) {
      // New lines go between the nearest kept lines the file still has; nothing of the file may stand between those.
      let b = before;
      while (b !== undefined && b >= 0 && at(b) < 0) b = b > 0 ? b - 1 : undefined;
      let a = after;
      while (a !== undefined && a < window.match.length && at(a) < 0) a = a + 1 < window.match.length ? a + 1 : undefined;
      if (b === undefined && a === undefined) return false;
      if (b !== undefined && a !== undefined && at(a) !== at(b) + 1) return false;
      if ((b === undefined && before !== undefined) || (a === undefined && after !== undefined)) return false;
      continue;
    }
    const first = at(deleted[0]!);
    const last = at(deleted[deleted.length - 1]!);
    const sides: Array<"ok" | "missing" | "apart"> = [];
    if (before !== undefined) sides.push(at(before) < 0 ? "missing" : blankBetween(at(before), first) ? "ok" : "apart");
    if (after !== undefined) sides.push(at(after) < 0 ? "missing" : blankBetween(last, at(after)) ? "ok" : "apart");
    if (sides.includes("apart")) return false;
    if (sides.length > 0 && !sides.includes("ok")) return false;
  }
  return true;
}
