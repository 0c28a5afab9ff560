import type { EditBlock, EditParseError, ParsedEdits } from "./edit-block.ts";
import { isFenceLine, pathFromFence, pathFromLine } from "./path-line.ts";

const searchMarker = /^\s*<{5,9}\s*SEARCH\s*$/i;
const dividerMarker = /^\s*={5,9}\s*$/;
const replaceMarker = /^\s*>{5,9}\s*REPLACE\s*$/i;

/** How many non-blank lines above a block are searched for its path line. */
const pathLookBack = 3;

type Section = "search" | "replace";

interface OpenBlock {
  index: number;
  line: number;
  path: string | undefined;
  section: Section;
  search: string[];
  replace: string[];
}

/**
 * Reads SEARCH/REPLACE blocks from a model's reply. Tolerates prose, markdown fences and
 * decorated path lines around the blocks, and a path given once for several blocks. A malformed
 * block becomes an error saying which block and what is missing; it is never guessed at.
 */
export function parseEditBlocks(text: string): ParsedEdits {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const blocks: EditBlock[] = [];
  const errors: EditParseError[] = [];
  let open: OpenBlock | undefined;
  let count = 0;
  let lastPath: string | undefined;
  let lastBlockEnd = 0;
  // After a malformed block, its remaining lines are skipped up to its >>>>>>> REPLACE (or the next block).
  let skipping = false;

  const fail = (block: OpenBlock, line: number, message: string): void => {
    errors.push({ block: block.index, line, message });
    open = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (searchMarker.test(line)) {
      if (open) {
        const missing = open.section === "search" ? "=======" : ">>>>>>> REPLACE";
        fail(open, i + 1, `missing ${missing} before the next <<<<<<< SEARCH at line ${i + 1}; resend the block whole`);
      }
      count++;
      skipping = false;
      const path = findPath(lines, i, lastBlockEnd) ?? lastPath;
      open = { index: count, line: i + 1, path, section: "search", search: [], replace: [] };
      continue;
    }
    if (!open) {
      if (skipping) {
        if (replaceMarker.test(line)) {
          skipping = false;
          lastBlockEnd = i + 1;
        }
        continue;
      }
      if (replaceMarker.test(line)) {
        errors.push({ block: undefined, line: i + 1, message: ">>>>>>> REPLACE without a <<<<<<< SEARCH before it" });
      }
      continue;
    }
    if (dividerMarker.test(line)) {
      if (open.section === "replace") {
        fail(open, i + 1, "a second ======= in the block; a block has exactly one =======, between SEARCH and REPLACE");
        skipping = true;
      } else {
        open.section = "replace";
      }
      continue;
    }
    if (replaceMarker.test(line)) {
      if (open.section === "search") {
        fail(open, i + 1, ">>>>>>> REPLACE came before =======; put ======= between the SEARCH and REPLACE lines");
        lastBlockEnd = i + 1;
        continue;
      }
      const block = open;
      open = undefined;
      lastBlockEnd = i + 1;
      if (block.path === undefined) {
        errors.push({
          block: block.index,
          line: block.line,
          message: "no file path before <<<<<<< SEARCH; put the file's path alone on the line above the block",
        });
        continue;
      }
      lastPath = block.path;
      blocks.push({ index: block.index, path: block.path, search: block.search, replace: block.replace, line: block.line });
      continue;
    }
    (open.section === "search" ? open.search : open.replace).push(line);
  }
  if (open) {
    const missing = open.section === "search" ? "======= and >>>>>>> REPLACE" : ">>>>>>> REPLACE";
    errors.push({
      block: open.index,
      line: open.line,
      message: `truncated: the text ends before ${missing}; resend the block whole`,
    });
  }
  return { blocks, errors };
}

/** The path on the nearest path-like line above a block (fence info strings included), not looking past the previous block. */
function findPath(lines: readonly string[], markerIndex: number, floor: number): string | undefined {
  let seen = 0;
  for (let j = markerIndex - 1; j >= floor && seen < pathLookBack; j--) {
    const line = lines[j]!;
    if (line.trim() === "") continue;
    if (isFenceLine(line)) {
      const fromFence = pathFromFence(line);
      if (fromFence !== undefined) return fromFence;
      continue;
    }
    seen++;
    const path = pathFromLine(line);
    if (path !== undefined) return path;
  }
  return undefined;
}
