import type { FileChanges } from "../../shared/file-changes.ts";
import type { BlockError } from "./block-error.ts";
import type { StrategyName } from "./strategies/strategy.ts";

/** How one block was placed: by which strategy, at which lines of the original file (1-based, inclusive). */
export interface BlockMatch {
  block: number;
  path: string;
  /** The matching strategy, or "create" for an empty SEARCH that created the file. */
  strategy: StrategyName | "create";
  firstLine: number;
  lastLine: number;
}

/** The result of applying edit blocks: every block placed and the new file contents, or nothing applied and why. */
export type ApplyResult =
  | { kind: "applied"; changes: FileChanges; matches: BlockMatch[] }
  | { kind: "failed"; errors: BlockError[]; message: string };
