import { looseKey, looseOccurrences } from "./loose-match.ts";
import type { Random } from "./random.ts";

/** The edit the model means: replace lines [start, end) of the file with `newLines`. */
export interface TrueEdit {
  start: number;
  end: number;
  newLines: string[];
}

/** A true edit and the lines the model quotes around it: SEARCH is lines [from, to). */
export interface EditRegion {
  from: number;
  to: number;
  edit: TrueEdit;
}

/** What kind of change a true edit makes. */
export type EditKind = "modify" | "insert" | "delete" | "replace";

/** The parts of a block: context before, the lines the edit removes, its new lines, context after. */
export interface BlockParts {
  before: string[];
  old: string[];
  fresh: string[];
  after: string[];
}

/** The parts of the exact block for a region. */
export function partsOf(lines: readonly string[], region: EditRegion): BlockParts {
  return {
    before: lines.slice(region.from, region.edit.start),
    old: lines.slice(region.edit.start, region.edit.end),
    fresh: [...region.edit.newLines],
    after: lines.slice(region.edit.end, region.to),
  };
}

/** SEARCH and REPLACE lines from block parts. */
export function searchAndReplace(parts: BlockParts): { search: string[]; replace: string[] } {
  return { search: [...parts.before, ...parts.old, ...parts.after], replace: [...parts.before, ...parts.fresh, ...parts.after] };
}

/** The file's lines after the true edits (which must not overlap), computed by splicing: the ground truth. */
export function applyTrueEdits(lines: readonly string[], edits: readonly TrueEdit[]): string[] {
  const out = [...lines];
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out.splice(edit.start, edit.end - edit.start, ...edit.newLines);
  return out;
}

const keywords = new Set(["const", "let", "var", "function", "return", "if", "else", "for", "of", "in", "new", "await", "async", "export", "import", "from", "type", "interface", "class", "this", "true", "false", "undefined", "null", "string", "number", "boolean", "void", "as", "default", "case", "switch", "break", "continue", "private", "readonly", "public", "static", "extends", "implements", "typeof", "keyof", "unknown", "never", "any", "while", "do", "try", "catch", "finally", "throw"]);

/** The line with one identifier renamed (the first use of it), or a trailing comment when it has none. */
export function mutateLine(random: Random, line: string, suffix = "Next"): string {
  const identifiers = [...line.matchAll(/[A-Za-z_$][A-Za-z0-9_$]*/g)].filter((m) => !keywords.has(m[0]) && m[0].length > 1);
  if (identifiers.length === 0) return `${line} // checked`;
  const match = random.pick(identifiers);
  return line.slice(0, match.index) + match[0] + suffix + line.slice(match.index + match[0].length);
}

/** The indentation a statement inserted after line t gets: the next line's when that is deeper (a body), else t's, one unit deeper after an opening bracket. */
export function indentAfter(lines: readonly string[], t: number, unit: string): string {
  const indentOf = (line: string): string => /^[ \t]*/.exec(line)![0];
  const indent = indentOf(lines[t]!);
  const next = lines.slice(t + 1).find((line) => line.trim() !== "");
  if (next !== undefined && indentOf(next).length > indent.length) return indentOf(next);
  return /[{([]\s*$/.test(lines[t]!) ? indent + unit : indent;
}

/** The file's indentation unit: a tab, or 4 spaces when nearly all indents are multiples of 4 (JSDoc's odd " * " aside), else 2. */
export function unitOf(lines: readonly string[]): string {
  if (lines.some((l) => l.startsWith("\t"))) return "\t";
  const widths = lines.map((l) => /^ */.exec(l)![0].length).filter((w) => w > 0);
  return widths.length > 0 && widths.filter((w) => w % 4 === 0).length >= 0.9 * widths.length ? "    " : "  ";
}

/** A fresh statement at the given indentation. */
export function statement(random: Random, indent: string): string {
  const k = random.int(1, 9999);
  return random.pick([
    `${indent}logger.debug("checkpoint ${k}", { step: ${k} });`,
    `${indent}const migrated${k} = await migrate(input${k});`,
    `${indent}if (!ready${k}) return undefined;`,
    `${indent}metrics.increment("edits.${k}");`,
    `${indent}await flush(${k});`,
  ]);
}

/** Whether lines can be quoted in a block at all: a line that looks like a block marker cannot (a limit of the format). */
export function expressible(lines: readonly string[]): boolean {
  return !lines.some((line) => /^\s*(?:<{5,9}|={5,9}|>{5,9})/.test(line));
}

const isMeaningful = (line: string | undefined): boolean => line !== undefined && line.trim().length >= 3;

/** Options for {@link makeRegion}. */
export interface RegionOptions {
  kinds?: readonly EditKind[];
  /** Context lines wanted before the edit (before widening for uniqueness). */
  before?: [number, number];
  after?: [number, number];
  /** Lines the region may not touch (to keep several regions apart). */
  avoid?: (from: number, to: number) => boolean;
}

/**
 * A random true edit with context, widened until SEARCH's text is unique in the file even when
 * compared loosely (so any reading of a perturbed SEARCH can only mean this place).
 */
export function makeRegion(random: Random, lines: readonly string[], options: RegionOptions = {}): EditRegion | undefined {
  const unit = unitOf(lines);
  for (let attempt = 0; attempt < 40; attempt++) {
    const t = random.int(0, lines.length - 1);
    if (!isMeaningful(lines[t])) continue;
    const kind = random.pick(options.kinds ?? (["modify", "insert", "delete", "replace"] as const));
    let edit: TrueEdit;
    if (kind === "insert") {
      const count = random.int(1, 2);
      const indent = indentAfter(lines, t, unit);
      edit = { start: t + 1, end: t + 1, newLines: Array.from({ length: count }, () => statement(random, indent)) };
    } else {
      let length = random.int(1, kind === "replace" ? 3 : 2);
      while (length > 1 && !isMeaningful(lines[t + length - 1])) length--;
      if (t + length > lines.length) continue;
      const old = lines.slice(t, t + length);
      if (kind === "modify") edit = { start: t, end: t + length, newLines: old.map((l, i) => (i === 0 ? mutateLine(random, l) : l)) };
      else if (kind === "delete") edit = { start: t, end: t + length, newLines: [] };
      else {
        const indent = /^[ \t]*/.exec(lines[t]!)![0];
        edit = { start: t, end: t + length, newLines: Array.from({ length: random.int(1, 3) }, () => statement(random, indent)) };
      }
      if (looseKey(edit.newLines.join("\n")) === looseKey(old.join("\n"))) continue;
    }
    const [bMin, bMax] = options.before ?? [1, 3];
    const [aMin, aMax] = options.after ?? [1, 3];
    let from = Math.max(0, edit.start - random.int(bMin, bMax));
    let to = Math.min(lines.length, edit.end + random.int(aMin, aMax));
    for (let widen = 0; widen < 12; widen++) {
      const search = lines.slice(from, to);
      if (search.some((l) => l.trim() !== "") && looseOccurrences(lines, search) === 1) break;
      if (widen % 2 === 0 && from > 0) from--;
      else if (to < lines.length) to++;
      else if (from > 0) from--;
    }
    const search = lines.slice(from, to);
    if (!search.some((l) => l.trim() !== "") || looseOccurrences(lines, search) !== 1) continue;
    if (options.avoid?.(from, to)) continue;
    if (!expressible(search) || !expressible(edit.newLines)) continue;
    return { from, to, edit };
  }
  return undefined;
}
