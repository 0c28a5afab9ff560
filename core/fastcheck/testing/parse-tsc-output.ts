/** Reads `tsc --pretty false` output back into diagnostics, to compare the fast tier with real tsc runs. */
import type { FastCheckDiagnostic } from "../fast-check-result.ts";

const located = /^(.+)\((\d+),(\d+)\): (error|warning|message|suggestion) TS(\d+): (.*)$/;
const global = /^(error|warning|message|suggestion) TS(\d+): (.*)$/;

/** Parses tsc's plain output; continuation lines (indented) join the message before them. */
export function parseTscOutput(output: string): FastCheckDiagnostic[] {
  const diagnostics: FastCheckDiagnostic[] = [];
  for (const line of output.split(/\r?\n/)) {
    const at = located.exec(line);
    const bare = at ? undefined : global.exec(line);
    if (at) {
      const [, file, row, column, category, code, message] = at;
      diagnostics.push({ file: file ?? "", line: Number(row), column: Number(column), code: Number(code), category: category as FastCheckDiagnostic["category"], message: message ?? "" });
    } else if (bare) {
      const [, category, code, message] = bare;
      diagnostics.push({ code: Number(code), category: category as FastCheckDiagnostic["category"], message: message ?? "" });
    } else if (line.startsWith(" ") && diagnostics.length > 0) {
      const last = diagnostics.pop();
      if (last) diagnostics.push({ ...last, message: `${last.message}\n${line.trim()}` });
    }
  }
  return diagnostics;
}

/** A diagnostic's identity for comparisons: file, position and code (messages may be worded by locale). */
export function diagnosticKey(diagnostic: FastCheckDiagnostic): string {
  return `${diagnostic.file ?? "-"}(${diagnostic.line ?? 0},${diagnostic.column ?? 0}) TS${diagnostic.code}`;
}
