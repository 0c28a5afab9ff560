import { contiguousRuns } from "./contiguous-runs.ts";
import { lineForLine, outcomeOf } from "./strategy.ts";
import type { Strategy } from "./strategy.ts";

/**
 * SEARCH's lines equal a run of the file's lines once whitespace runs are collapsed, ends
 * trimmed and Unicode punctuation (curly quotes, dashes, odd spaces) mapped to ASCII.
 */
export const normalizedWhitespace: Strategy = {
  name: "normalized-whitespace",
  locate(file, block) {
    const starts = contiguousRuns(file, block.search, "normalized");
    return outcomeOf(starts.map((start) => lineForLine(start, block.search.length)));
  },
};
