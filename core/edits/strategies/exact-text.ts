import { contiguousRuns } from "./contiguous-runs.ts";
import { outcomeOfStarts } from "./strategy.ts";
import type { Strategy } from "./strategy.ts";

/** SEARCH occurs in the file byte for byte: same lines, and "\n" line endings between them as the model wrote. */
export const exactText: Strategy = {
  name: "exact-text",
  locate(file, block) {
    const n = block.search.length;
    const eols = file.document.eols;
    const starts = contiguousRuns(file, block.search, "exact", (start) => {
      for (let i = start; i < start + n - 1; i++) if (eols[i] !== "\n") return false;
      return true;
    });
    return outcomeOfStarts(starts, n);
  },
};
