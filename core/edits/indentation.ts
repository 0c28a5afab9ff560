import { indentOf } from "./line-keys.ts";

/** Tab widths tried when tabs meet spaces, most common first. */
export const tabWidths = [4, 2, 8] as const;

/** The display width of leading whitespace with tab stops every `tabWidth` columns. */
export function indentColumns(indent: string, tabWidth: number): number {
  let column = 0;
  for (const char of indent) column = char === "\t" ? (Math.floor(column / tabWidth) + 1) * tabWidth : column + 1;
  return column;
}

/** Leading whitespace of `columns` width, with tabs (and spaces for the remainder) or spaces only. */
export function renderIndent(columns: number, useTabs: boolean, tabWidth: number): string {
  if (!useTabs) return " ".repeat(columns);
  return "\t".repeat(Math.floor(columns / tabWidth)) + " ".repeat(columns % tabWidth);
}

/** Moves a line's indentation by `shift` columns (never below zero), written with tabs or spaces. */
export function shiftLine(line: string, shift: number, useTabs: boolean, tabWidth: number): string {
  const indent = indentOf(line);
  const columns = Math.max(0, indentColumns(indent, tabWidth) + shift);
  return renderIndent(columns, useTabs, tabWidth) + line.slice(indent.length);
}
