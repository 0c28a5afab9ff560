import { readFileSync, statSync } from "node:fs";
import { isTooLarge, mayBeTooLarge } from "./file-size-limit.ts";

/** What {@link prefilterFiles} keeps: per rule, the files that may match; and the files skipped as too large. */
export interface Prefiltered {
  candidates: string[][];
  tooLarge: string[];
}

const batch = 256;

/**
 * Chooses, for each rule, the files worth parsing: those that hold one of the rule's required
 * texts (all files when a rule has none), leaving out files too large to scan. Reads files as
 * bytes (no decoding) in batches, yielding to the event loop between batches.
 */
export async function prefilterFiles(paths: readonly string[], needles: readonly (readonly string[] | undefined)[]): Promise<Prefiltered> {
  const encoded = needles.map((alternatives) => alternatives?.map((text) => Buffer.from(text, "utf8")));
  const mustRead = encoded.some((alternatives) => alternatives !== undefined);
  const candidates: string[][] = needles.map(() => []);
  const tooLarge: string[] = [];
  for (let from = 0; from < paths.length; from += batch) {
    for (const path of paths.slice(from, from + batch)) {
      let content: Buffer | undefined;
      try {
        // Without needles we only need the size; the content only when the file is big.
        content = mustRead || mayBeTooLarge(statSync(path).size) ? readFileSync(path) : undefined;
      } catch {
        continue;
      }
      if (content !== undefined && isTooLarge(content)) {
        tooLarge.push(path);
        continue;
      }
      encoded.forEach((alternatives, rule) => {
        if (alternatives === undefined || (content !== undefined && alternatives.some((needle) => content.includes(needle)))) candidates[rule]!.push(path);
      });
    }
    if (from + batch < paths.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return { candidates, tooLarge };
}
