import type { FileIndex } from "./file-index.ts";
import type { PreparedBlock } from "./prepare-block.ts";
import type { Alignment, LineRange, StaleHint, Strategy, StrategyName } from "./strategies/strategy.ts";

/** Where a block goes: one place found by the named strategy, several (so none is chosen), or nowhere. */
export type LocateOutcome =
  | { kind: "found"; strategy: StrategyName; alignment: Alignment }
  | { kind: "ambiguous"; strategy: StrategyName; count: number; places: LineRange[] }
  | { kind: "not-found"; stale?: StaleHint };

/**
 * Tries the strategies strictest first. The first that finds exactly one place wins; the first
 * that finds several ends the search as ambiguous, because a looser strategy finding one place
 * then would be choosing among places the model's text fits equally well.
 */
export function locateBlock(file: FileIndex, block: PreparedBlock, ladder: readonly Strategy[]): LocateOutcome {
  let stale: StaleHint | undefined;
  for (const strategy of ladder) {
    const outcome = strategy.locate(file, block);
    switch (outcome.kind) {
      case "unique":
        return { kind: "found", strategy: outcome.named ?? strategy.name, alignment: outcome.alignment };
      case "ambiguous":
        return { kind: "ambiguous", strategy: strategy.name, count: outcome.count, places: outcome.places };
      case "none":
        stale ??= outcome.stale;
    }
  }
  return stale ? { kind: "not-found", stale } : { kind: "not-found" };
}
