/**
 * Reads `tsc --noEmit --pretty false` output: `file(line,col): error TS1234: message`, global
 * diagnostics without a location, and indented continuation lines of chained messages. tsc exits
 * 0 (clean), 1 or 2 (diagnostics); any other exit, or an error exit without one diagnostic, means
 * tsc did not run to the end (crashed, not found, out of memory) and the output is refused.
 */
import type { Diagnostic, ParseResult } from "../check-report.ts";
import { toRepoPath, withoutRoot } from "./report-text.ts";

const located = /^(.+)\((\d+),(\d+)\): (error|warning|message|suggestion) TS(\d+): (.*)$/;
const global = /^(error|warning|message|suggestion) TS(\d+): (.*)$/;

/** Parses tsc's plain output; file paths become relative to `root`. */
export function parseTsc(text: string, exitCode: number, root: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  for (const line of text.split(/\r?\n/)) {
    const at = located.exec(line);
    const bare = at ? undefined : global.exec(line);
    if (at) {
      const [, file = "", row, column, category, code, message = ""] = at;
      diagnostics.push({ file: toRepoPath(file, root), line: Number(row), column: Number(column), code: Number(code), category: category as Diagnostic["category"], message: withoutRoot(message, root) });
    } else if (bare) {
      const [, category, code, message = ""] = bare;
      diagnostics.push({ code: Number(code), category: category as Diagnostic["category"], message: withoutRoot(message, root) });
    } else if (/^\s+\S/.test(line) && diagnostics.length > 0) {
      const last = diagnostics.pop();
      if (last) diagnostics.push({ ...last, message: `${last.message}\n${withoutRoot(line.trim(), root)}` });
    }
  }
  if (exitCode !== 0 && exitCode !== 1 && exitCode !== 2) return { ok: false, reason: `tsc exited ${exitCode}: it did not run to the end` };
  if (exitCode !== 0 && !diagnostics.some((diagnostic) => diagnostic.category === "error")) return { ok: false, reason: `tsc exited ${exitCode} without reporting an error` };
  return { ok: true, report: { kind: "diagnostics", diagnostics } };
}
