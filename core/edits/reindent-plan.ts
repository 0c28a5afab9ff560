import { indentColumns, renderIndent, shiftLine, tabWidths } from "./indentation.ts";
import { indentOf } from "./line-keys.ts";
import type { TextDocument } from "./text-document.ts";

/** A SEARCH line and the file line it matched. */
export interface AlignedPair {
  search: string;
  file: string;
}

/** The matched lines just before and just after a new line, and the removed line it rewrites, if any. */
export interface Neighbours {
  before: AlignedPair | undefined;
  after: AlignedPair | undefined;
  rewritten?: AlignedPair | undefined;
}

/** How the model's new lines get the file's indentation (undefined for a line whose indentation cannot be told), or why no line's can. */
export type ReindentPlan =
  | { kind: "ok"; reindent: (line: string, around: Neighbours) => string | undefined }
  | { kind: "unclear" };

const keep: ReindentPlan = { kind: "ok", reindent: (line) => line };

/** A line inside a block comment: a star, then its text. */
const commentLine = /^\s*\*/;

/**
 * Works out how the model's indentation maps to the file's, from the matched line pairs:
 * - every pair identical (and some indented): new lines are trusted as written;
 * - no indented pair at all: only the style is fixed (tabs vs spaces);
 * - one shift for every pair: new lines move by it (in columns, tabs at the inferred width);
 * - one change of unit (the model indents by 2 where the file indents by 4, or the reverse):
 *   new lines keep their level and alignment, at the file's unit;
 * - otherwise a new line that rewrites a removed line moves like it, and any other new line
 *   like the matched lines around it, if those agree.
 * When a shift and a scale both fit and would put some new line at different indentations, or
 * only block-comment lines were matched, re-indented (moved or tabs for spaces), and new code
 * lines come with them, the plan is "unclear" and
 * the block is refused rather than written with a guessed indentation.
 */
export function planReindent(pairs: readonly AlignedPair[], document: TextDocument, newLines: readonly string[]): ReindentPlan {
  const identical = pairs.every((p) => indentOf(p.search) === indentOf(p.file));
  if (identical && pairs.some((p) => indentOf(p.file) !== "")) return keep;
  const fileUsesTabs = usesTabs(document.lines);
  if (identical) {
    const unit = fileUsesTabs ? tabWidths[0] : spaceUnit(document.lines);
    return {
      kind: "ok",
      reindent: (line) => {
        const indent = indentOf(line);
        return (fileUsesTabs ? indent.startsWith(" ") : indent.includes("\t")) ? shiftLine(line, 0, fileUsesTabs, unit) : line;
      },
    };
  }
  const tabWidth = inferTabWidth(pairs);
  const columns = pairs.map((p) => ({ s: indentColumns(indentOf(p.search), tabWidth), f: indentColumns(indentOf(p.file), tabWidth) }));
  const styleOf = (around: Neighbours): boolean => {
    const reference = around.before ?? around.after;
    const fileIndent = reference ? indentOf(reference.file) : "";
    return fileIndent === "" ? fileUsesTabs : fileIndent.includes("\t");
  };
  const shifts = new Set(columns.map((c) => c.f - c.s));
  const unit = unitChange(columns, document.lines, [...pairs.map((p) => p.search), ...newLines], fileUsesTabs);
  const render = (line: string, cols: number, around: Neighbours): string =>
    renderIndent(Math.max(0, cols), styleOf(around), tabWidth) + line.slice(indentOf(line).length);
  const colsOf = (line: string): number => indentColumns(indentOf(line), tabWidth);
  if (shifts.size === 1) {
    const shift = [...shifts][0]!;
    if (unit && newLines.some((line) => colsOf(line) + shift !== unit(colsOf(line)))) return { kind: "unclear" };
    // Block-comment lines (` * text`) sit one column off the code's levels: their shift, or their change of
    // style (spaces for tabs), says nothing sure about how new code lines are indented.
    const written = pairs.filter((p) => p.file.trim() !== "");
    const commentsOnly = written.length > 0 && written.every((p) => commentLine.test(p.file));
    if (commentsOnly && newLines.some((line) => !commentLine.test(line))) return { kind: "unclear" };
    return { kind: "ok", reindent: (line, around) => render(line, colsOf(line) + shift, around) };
  }
  if (unit) return { kind: "ok", reindent: (line, around) => render(line, unit(colsOf(line)), around) };
  const shiftOf = (pair: AlignedPair | undefined): number | undefined =>
    pair && indentColumns(indentOf(pair.file), tabWidth) - indentColumns(indentOf(pair.search), tabWidth);
  return {
    kind: "ok",
    reindent: (line, around) => {
      const rewritten = shiftOf(around.rewritten);
      if (rewritten !== undefined) return render(line, colsOf(line) + rewritten, around);
      const before = shiftOf(around.before);
      const after = shiftOf(around.after);
      if (before !== undefined && after !== undefined && before !== after) return undefined;
      return render(line, colsOf(line) + (before ?? after ?? 0), around);
    },
  };
}

/**
 * When the model indents with another unit than the file (2 spaces for 4, or the reverse), the
 * mapping that keeps each line's level and alignment: levels × the file's unit + the remainder
 * + one constant offset, if that offset fits every pair; undefined otherwise.
 */
function unitChange(
  columns: ReadonlyArray<{ s: number; f: number }>,
  fileLines: readonly string[],
  modelLines: readonly string[],
  fileUsesTabs: boolean,
): ((cols: number) => number) | undefined {
  if (fileUsesTabs) return undefined;
  const fileUnit = spaceUnit(fileLines);
  const modelUnit = spaceUnit(modelLines);
  if (fileUnit === modelUnit) return undefined;
  const levels = (cols: number): number => Math.floor(cols / modelUnit) * fileUnit + (cols % modelUnit);
  const offsets = new Set(columns.map((c) => c.f - levels(c.s)));
  if (offsets.size !== 1) return undefined;
  const offset = [...offsets][0]!;
  return (cols) => levels(cols) + offset;
}

/** The tab width under which the pairs agree best on one indentation shift. */
function inferTabWidth(pairs: readonly AlignedPair[]): number {
  if (!pairs.some((p) => indentOf(p.search).includes("\t") || indentOf(p.file).includes("\t"))) return tabWidths[0];
  let best: number = tabWidths[0];
  let bestAgreement = -1;
  for (const width of tabWidths) {
    const counts = new Map<number, number>();
    for (const p of pairs) {
      const shift = indentColumns(indentOf(p.file), width) - indentColumns(indentOf(p.search), width);
      counts.set(shift, (counts.get(shift) ?? 0) + 1);
    }
    const agreement = Math.max(...counts.values());
    if (agreement > bestAgreement) {
      best = width;
      bestAgreement = agreement;
    }
  }
  return best;
}

/** Whether lines are indented with tabs more than with spaces. */
function usesTabs(lines: readonly string[]): boolean {
  let tabs = 0;
  let spaces = 0;
  for (const line of lines) {
    if (line.startsWith("\t")) tabs++;
    else if (line.startsWith(" ")) spaces++;
  }
  return tabs > spaces;
}

/** The indentation unit in spaces (8, 4 or 2): the largest that divides nearly every space indent (block-comment lines aside). */
function spaceUnit(lines: readonly string[]): number {
  const widths = lines.flatMap((line) => {
    const indent = /^ */.exec(line)![0].length;
    return indent > 0 && !line.startsWith("*", indent) ? [indent] : [];
  });
  if (widths.length === 0) return tabWidths[0];
  for (const unit of [8, 4, 2]) {
    if (widths.filter((w) => w % unit === 0).length >= widths.length * 0.9) return unit;
  }
  return 2;
}
