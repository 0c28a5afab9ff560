/**
 * Line-numbered excerpts of a file around chosen line spans, for prompts: the model sees where
 * each target site is and enough context to write a SEARCH block that matches exactly once.
 */

/** A 1-based inclusive line span. */
export interface LineSpan {
  start: number;
  end: number;
}

/** How much of a file to show. */
export interface ExcerptOptions {
  /** Lines of context above and below each span. */
  contextLines: number;
  /** Files with at most this many lines are shown whole. */
  wholeFileLines: number;
  /** The first lines (imports, usually) are always shown, since edits often add an import. */
  headLines: number;
}

/** Defaults for {@link lineExcerpt}. */
export const defaultExcerptOptions: ExcerptOptions = { contextLines: 8, wholeFileLines: 200, headLines: 20 };

/**
 * Renders `content` with right-aligned line numbers (`  12 | code`), showing only the lines near
 * `spans` (plus the head) and one marker line for each gap.
 */
export function lineExcerpt(content: string, spans: readonly LineSpan[], options: ExcerptOptions = defaultExcerptOptions): string {
  const lines = content.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const width = String(lines.length).length;
  const shown = visibleSpans(lines.length, spans, options);
  const out: string[] = [];
  let next = 1;
  for (const span of shown) {
    if (span.start > next) out.push(`${" ".repeat(width)} | … lines ${next}-${span.start - 1} not shown`);
    for (let n = span.start; n <= span.end; n++) out.push(`${String(n).padStart(width)} | ${lines[n - 1] ?? ""}`);
    next = span.end + 1;
  }
  if (next <= lines.length) out.push(`${" ".repeat(width)} | … lines ${next}-${lines.length} not shown`);
  return out.join("\n");
}

/** The merged, sorted spans to show for a file of `lineCount` lines. */
function visibleSpans(lineCount: number, spans: readonly LineSpan[], options: ExcerptOptions): LineSpan[] {
  if (lineCount <= options.wholeFileLines) return [{ start: 1, end: lineCount }];
  const wanted: LineSpan[] = [{ start: 1, end: Math.min(options.headLines, lineCount) }];
  for (const span of spans) {
    wanted.push({ start: Math.max(1, span.start - options.contextLines), end: Math.min(lineCount, span.end + options.contextLines) });
  }
  wanted.sort((a, b) => a.start - b.start);
  const merged: LineSpan[] = [];
  for (const span of wanted) {
    const last = merged[merged.length - 1];
    // Touching or nearly touching windows merge: a one-line gap marker would cost more than the line.
    if (last && span.start <= last.end + 2) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
