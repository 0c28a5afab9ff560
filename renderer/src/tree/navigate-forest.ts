/** Keyboard moves over the visible fork tree (laid out left to right: parents left, siblings stacked). */
import { assertNever } from "../../../shared/assert-never.ts";
import type { TidyLayout } from "./tidy-layout.ts";

/** A move the arrow keys make. */
export type TreeMove = "parent" | "child" | "previous" | "next";

/**
 * The visible node a move lands on from `slot`, or undefined when there is none. `child` goes to
 * the child nearest the node's own row (straight right); `previous`/`next` go to the neighbour
 * above/below on the same level: the sibling, else the nearest node of a neighbouring subtree.
 */
export function moveInForest(layout: TidyLayout, slot: number, move: TreeMove): number | undefined {
  const { parent, firstKid, kidCount, depth } = layout.forest;
  if (slot < 0 || slot >= layout.forest.nodes.length) return undefined;
  switch (move) {
    case "parent":
      return parent[slot]! >= 0 ? parent[slot] : undefined;
    case "child": {
      if (kidCount[slot] === 0) return undefined;
      let nearest = firstKid[slot]!;
      for (let kid = nearest + 1; kid < firstKid[slot]! + kidCount[slot]!; kid++) {
        if (Math.abs(layout.breadth[kid]! - layout.breadth[slot]!) < Math.abs(layout.breadth[nearest]! - layout.breadth[slot]!)) nearest = kid;
      }
      return nearest;
    }
    case "previous":
      // one level is one contiguous range in top-to-bottom order
      return slot > 0 && depth[slot - 1] === depth[slot] ? slot - 1 : undefined;
    case "next":
      return slot + 1 < layout.forest.nodes.length && depth[slot + 1] === depth[slot] ? slot + 1 : undefined;
    default:
      return assertNever(move, "tree move");
  }
}
