import { contiguousRuns } from "./contiguous-runs.ts";
import { outcomeOfStarts } from "./strategy.ts";
import type { Strategy } from "./strategy.ts";

/**
 * SEARCH's lines equal a run of the file's lines once whitespace runs are collapsed, ends
 * trimmed and Unicode punctuation (curly quotes, dashes, odd spaces) mapped to ASCII.
 */
export const normalizedWhitespace: Strategy = {
  name: "normalized-whitespace",
  locate(file, block) {
    const starts = contiguousRuns(file, block.search, "normalized");
    return outcomeOfStarts(starts, block.search.length);
  },
};
