/**
 * Excerpts of a file around chosen line spans, for prompts: the model sees where each target
 * site is and enough context to write a SEARCH block that matches exactly once. The code is
 * shown as it is, without a number on each line: models copy such numbers into SEARCH. Each
 * window says which lines it holds in a heading outside the code.
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

/** One run of a file's lines shown in a prompt. */
export interface ExcerptWindow {
  /** 1-based numbers of its first and last lines. */
  first: number;
  last: number;
  lines: string[];
}

/** The windows of `content` to show for `spans`: the whole file when short, else the head and the lines near each span. */
export function excerptWindows(content: string, spans: readonly LineSpan[], options: ExcerptOptions = defaultExcerptOptions): { windows: ExcerptWindow[]; lineCount: number } {
  const lines = content.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const windows = visibleSpans(lines.length, spans, options).map((span) => ({ first: span.start, last: span.end, lines: lines.slice(span.start - 1, span.end) }));
  return { windows, lineCount: lines.length };
}

/**
 * Renders the windows of a file as markdown: each run of lines in its own fence, the code as it
 * is, under a heading with its line numbers (`Lines 148-160 of 300:`); the whole file under one
 * heading when it is shown whole.
 */
export function lineExcerpt(content: string, spans: readonly LineSpan[], options: ExcerptOptions = defaultExcerptOptions, language = ""): string {
  const { windows, lineCount } = excerptWindows(content, spans, options);
  return windows
    .map((window) => {
      const heading = window.first === 1 && window.last === lineCount ? `The whole file (${lineCount} lines):` : `Lines ${window.first}-${window.last} of ${lineCount}:`;
      return `${heading}\n\`\`\`${language}\n${window.lines.join("\n")}\n\`\`\``;
    })
    .join("\n");
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
    // Touching or nearly touching windows merge: a new heading and fence would cost more than the lines between.
    if (last && span.start <= last.end + 2) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
