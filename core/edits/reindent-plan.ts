import { indentColumns, renderIndent, shiftLine, tabWidths } from "./indentation.ts";
import { indentOf } from "./line-keys.ts";
import type { TextDocument } from "./text-document.ts";

/** A SEARCH line and the file line it matched. */
export interface AlignedPair {
  search: string;
  file: string;
}

/** How the model's new lines get the file's indentation, or why that cannot be told. */
export type ReindentPlan =
  | { kind: "ok"; reindent: (line: string, reference: AlignedPair | undefined) => string }
  | { kind: "unclear" };

const keep: ReindentPlan = { kind: "ok", reindent: (line) => line };

/**
 * Works out how the model's indentation maps to the file's, from the matched line pairs:
 * - every pair identical (and some indented): new lines are trusted as written;
 * - no indented pair at all: only the style is fixed (tabs vs spaces);
 * - one shift for every pair: new lines move by it (in columns, tabs at the inferred width);
 * - one scale (the model indents by 2 where the file indents by 4, or the reverse): new lines
 *   are scaled;
 * - otherwise each new line moves like its nearest matched line.
 * When a shift and a scale both fit and would put some new line at different indentations, the
 * plan is "unclear" and the block is refused rather than written with a guessed indentation.
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
  const styleOf = (reference: AlignedPair | undefined): boolean => {
    const fileIndent = reference ? indentOf(reference.file) : "";
    return fileIndent === "" ? fileUsesTabs : fileIndent.includes("\t");
  };
  const shifts = new Set(columns.map((c) => c.f - c.s));
  const scale = fittingScale(columns, document.lines, [...pairs.map((p) => p.search), ...newLines], fileUsesTabs);
  const render = (line: string, cols: number, reference: AlignedPair | undefined): string =>
    renderIndent(Math.max(0, Math.round(cols)), styleOf(reference), tabWidth) + line.slice(indentOf(line).length);
  const colsOf = (line: string): number => indentColumns(indentOf(line), tabWidth);
  if (shifts.size === 1) {
    const shift = [...shifts][0]!;
    if (scale && newLines.some((line) => colsOf(line) + shift !== scale.a * colsOf(line) + scale.b)) return { kind: "unclear" };
    return { kind: "ok", reindent: (line, reference) => render(line, colsOf(line) + shift, reference) };
  }
  if (scale) return { kind: "ok", reindent: (line, reference) => render(line, scale.a * colsOf(line) + scale.b, reference) };
  return {
    kind: "ok",
    reindent: (line, reference) => {
      const shift = reference ? indentColumns(indentOf(reference.file), tabWidth) - indentColumns(indentOf(reference.search), tabWidth) : 0;
      return render(line, colsOf(line) + shift, reference);
    },
  };
}

/**
 * A scale a (2 or 1/2) and offset b with file = a × model + b for every pair, considered only
 * when the model's indentation unit differs from the file's (it re-indented at another width).
 */
function fittingScale(
  columns: ReadonlyArray<{ s: number; f: number }>,
  fileLines: readonly string[],
  modelLines: readonly string[],
  fileUsesTabs: boolean,
): { a: number; b: number } | undefined {
  if (fileUsesTabs) return undefined;
  const fileUnit = spaceUnit(fileLines);
  const modelUnit = spaceUnit(modelLines);
  if (fileUnit === modelUnit) return undefined;
  const a = fileUnit / modelUnit;
  const offsets = new Set(columns.map((c) => c.f - a * c.s));
  const b = [...offsets][0];
  return offsets.size === 1 && b !== undefined && Number.isInteger(b) ? { a, b } : undefined;
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

/** The indentation unit in spaces (8, 4 or 2): the largest that divides nearly every space indent. */
function spaceUnit(lines: readonly string[]): number {
  const widths = lines.map((line) => /^ */.exec(line)![0].length).filter((w) => w > 0);
  if (widths.length === 0) return tabWidths[0];
  for (const unit of [8, 4, 2]) {
    if (widths.filter((w) => w % unit === 0).length >= widths.length * 0.9) return unit;
  }
  return 2;
}
