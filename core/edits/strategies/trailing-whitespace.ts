import { contiguousRuns } from "./contiguous-runs.ts";
import { outcomeOfStarts } from "./strategy.ts";
import type { Strategy } from "./strategy.ts";

/** SEARCH's lines equal a run of the file's lines once trailing whitespace is ignored on both sides. */
export const trailingWhitespace: Strategy = {
  name: "trailing-whitespace",
  locate(file, block) {
    const starts = contiguousRuns(file, block.search, "trailing-whitespace");
    return outcomeOfStarts(starts, block.search.length);
  },
};
