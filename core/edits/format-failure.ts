import type { BlockError, BlockFailure } from "./block-error.ts";
import { formatBlockError } from "./format-block-error.ts";

/** A {@link BlockError} with its message written. */
export function blockError(block: number | undefined, path: string | undefined, failure: BlockFailure): BlockError {
  return { block, ...(path === undefined ? {} : { path }), failure, message: formatBlockError(block, path, failure) };
}

/** The one message the model gets back when edits fail: every failed block, then what to resend. */
export function formatFailure(errors: readonly BlockError[], totalBlocks: number): string {
  const failedBlocks = new Set(errors.map((e) => e.block ?? -1)).size;
  const head =
    totalBlocks > 0
      ? `Edits not applied: ${failedBlocks} of ${totalBlocks} block${totalBlocks === 1 ? "" : "s"} failed, so no file was changed.`
      : "Edits not applied: no SEARCH/REPLACE block could be read, so no file was changed.";
  const tail =
    totalBlocks > 1
      ? `Fix the failing blocks and resend all ${totalBlocks} blocks (none was applied).`
      : "Fix the block and resend it.";
  return [head, ...errors.map((e) => e.message), tail].join("\n\n");
}
