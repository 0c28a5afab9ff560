/** Reads ESLint's JSON report (`--format json`): one entry per file with its messages. */
import type { LintFinding, ParseResult } from "../check-report.ts";
import { parseJsonAmidOutput, toRepoPath, withoutRoot } from "./report-text.ts";

/** Parses an ESLint JSON report; file paths become relative to `root`. */
export function parseEslintJson(text: string, root: string): ParseResult {
  let document: unknown;
  try {
    document = parseJsonAmidOutput(text);
  } catch (error) {
    return { ok: false, reason: `no ESLint JSON report in the output: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!Array.isArray(document)) return { ok: false, reason: "the JSON is not an ESLint report (not an array of files)" };
  const findings: LintFinding[] = [];
  for (const entry of document as unknown[]) {
    if (typeof entry !== "object" || entry === null) return { ok: false, reason: "an ESLint report entry is not an object" };
    const { filePath, messages } = entry as { filePath?: unknown; messages?: unknown };
    if (typeof filePath !== "string" || !Array.isArray(messages)) return { ok: false, reason: "an ESLint report entry has no filePath or messages" };
    const file = toRepoPath(filePath, root);
    for (const raw of messages as unknown[]) {
      const message = raw as { ruleId?: unknown; severity?: unknown; message?: unknown; line?: unknown; column?: unknown };
      if (typeof message.message !== "string") return { ok: false, reason: `an ESLint message of ${file} has no text` };
      findings.push({
        file,
        ...(typeof message.ruleId === "string" ? { ruleId: message.ruleId } : {}),
        severity: message.severity === 2 ? "error" : "warning",
        message: withoutRoot(message.message, root),
        ...(typeof message.line === "number" ? { line: message.line } : {}),
        ...(typeof message.column === "number" ? { column: message.column } : {}),
      });
    }
  }
  return { ok: true, report: { kind: "lint", findings } };
}
