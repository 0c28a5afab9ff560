import { contiguousRuns } from "./contiguous-runs.ts";
import { outcomeOfStarts } from "./strategy.ts";
import type { Strategy } from "./strategy.ts";

/** SEARCH's lines equal a run of the file's lines, whatever the line endings (CRLF files). */
export const exactLines: Strategy = {
  name: "exact-lines",
  locate(file, block) {
    const starts = contiguousRuns(file, block.search, "exact");
    return outcomeOfStarts(starts, block.search.length);
  },
};
