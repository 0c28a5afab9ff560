import type { BlockError, BlockFailure } from "./block-error.ts";
import { formatBlockError } from "./format-block-error.ts";

/** A {@link BlockError} with its message written. */
export function blockError(block: number | undefined, path: string | undefined, failure: BlockFailure): BlockError {
  return { block, ...(path === undefined ? {} : { path }), failure, message: formatBlockError(block, path, failure) };
}

/** The one message the model gets back when edits fail: every failed block, then what to resend. */
export function formatFailure(errors: readonly BlockError[], totalBlocks: number): string {
  const failed = new Set(errors.flatMap((e) => (e.block === undefined ? [] : [e.block]))).size;
  const stray = errors.filter((e) => e.block === undefined).length;
  const blocks = `${totalBlocks} block${totalBlocks === 1 ? "" : "s"}`;
  const parts = [
    ...(failed > 0 ? [`${failed} of ${blocks} failed`] : []),
    ...(stray > 0 ? [`the reply has ${stray} marker${stray === 1 ? "" : "s"} outside any block`] : []),
  ];
  const head =
    totalBlocks > 0 || stray > 0
      ? `Edits not applied: ${parts.join(" and ")}, so no file was changed.`
      : "Edits not applied: no SEARCH/REPLACE block could be read, so no file was changed.";
  const tail =
    totalBlocks > 1 ? `Fix the failing blocks and resend all ${blocks} (none was applied).` : "Fix the block and resend it.";
  return [head, ...errors.map((e) => e.message), tail].join("\n\n");
}
