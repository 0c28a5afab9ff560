/** Test helpers for core/edits: build blocks and reply texts from lines. */
import type { EditBlock } from "./edit-block.ts";

let counter = 0;

/** A block for `path` from SEARCH and REPLACE text (lines split on "\n"; "" means no lines). */
export function makeBlock(path: string, search: string, replace: string, index?: number): EditBlock {
  const lines = (text: string): string[] => (text === "" ? [] : text.split("\n"));
  return { index: index ?? ++counter, path, search: lines(search), replace: lines(replace), line: 1 };
}

/** A reply text holding one block in the plain format. */
export function blockText(path: string, search: string, replace: string): string {
  const section = (text: string): string => (text === "" ? "" : `${text}\n`);
  return `${path}\n<<<<<<< SEARCH\n${section(search)}=======\n${section(replace)}>>>>>>> REPLACE\n`;
}
