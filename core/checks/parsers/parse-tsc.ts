/**
 * Reads tsc's output, plain (`--pretty false`: `file(line,col): error TS1234: message`) or pretty
 * (a tsconfig with `"pretty": true`, or a terminal: `file:line:col - error TS1234: message`,
 * colours, code frames), global diagnostics without a location, and the indented continuation
 * lines of chained messages. tsc exits 0 (clean), 1 or 2 (diagnostics); any other exit, or an
 * error exit without one diagnostic, means tsc did not run to the end (crashed, not found, out
 * of memory) and the output is refused.
 */
import type { Diagnostic, ParseResult } from "../check-report.ts";
import { toRepoPath, withoutRoot } from "./report-text.ts";

const located = /^(.+)\((\d+),(\d+)\): (error|warning|message|suggestion) TS(\d+): (.*)$/;
const locatedPretty = /^(.+):(\d+):(\d+) - (error|warning|message|suggestion) TS(\d+): (.*)$/;
const global = /^(error|warning|message|suggestion) TS(\d+): (.*)$/;
// eslint-disable-next-line no-control-regex -- ANSI colour codes are what must be removed
const ansi = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Parses tsc's output; file paths become relative to `root`. */
export function parseTsc(text: string, exitCode: number, root: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  // continuation lines belong to the diagnostic right above them; a blank line (before a pretty
  // code frame, its related locations or the summary table) ends it
  let open = false;
  for (const line of text.replace(ansi, "").split(/\r?\n/)) {
    const at = located.exec(line) ?? locatedPretty.exec(line);
    const bare = at ? undefined : global.exec(line);
    if (at) {
      const [, file = "", row, column, category, code, message = ""] = at;
      diagnostics.push({ file: toRepoPath(file, root), line: Number(row), column: Number(column), code: Number(code), category: category as Diagnostic["category"], message: withoutRoot(message, root) });
      open = true;
    } else if (bare) {
      const [, category, code, message = ""] = bare;
      diagnostics.push({ code: Number(code), category: category as Diagnostic["category"], message: withoutRoot(message, root) });
      open = true;
    } else if (open && /^\s+\S/.test(line)) {
      const last = diagnostics.pop();
      if (last) diagnostics.push({ ...last, message: `${last.message}\n${withoutRoot(line.trim(), root)}` });
    } else open = false;
  }
  if (exitCode !== 0 && exitCode !== 1 && exitCode !== 2) return { ok: false, reason: `tsc exited ${exitCode}: it did not run to the end` };
  if (exitCode !== 0 && !diagnostics.some((diagnostic) => diagnostic.category === "error")) return { ok: false, reason: `tsc exited ${exitCode} without reporting an error` };
  return { ok: true, report: { kind: "diagnostics", diagnostics } };
}
