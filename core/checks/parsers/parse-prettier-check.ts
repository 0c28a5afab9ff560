/**
 * Reads `prettier --check` (stdout and stderr together: `prettier --check src 2>&1`): each
 * `[warn] FILE` is a file not formatted as the repository's own prettier wants, each
 * `[error] FILE: message` a file prettier could not parse. Findings are lint findings, so a
 * hypothesis is blamed only for files it leaves unformatted that were formatted at the baseline.
 * Exit 0 (all formatted), 1 (some are not) or 2 (errors); anything else, or 2 without an error
 * line, is no report.
 */
import type { LintFinding, ParseResult } from "../check-report.ts";
import { toRepoPath, withoutRoot } from "./report-text.ts";

const unformatted = /^\[warn\] (.+)$/;
const failed = /^\[error\] ([^\s:][^:]*): (.+)$/;
const summaryLine = /^\[warn\] Code style issues (found|were found)/;

/** Parses prettier's check output; file paths become relative to `root`. */
export function parsePrettierCheck(text: string, exitCode: number, root: string): ParseResult {
  if (exitCode !== 0 && exitCode !== 1 && exitCode !== 2) return { ok: false, reason: `prettier exited ${exitCode}: it did not run to the end` };
  const findings: LintFinding[] = [];
  for (const line of text.split(/\r?\n/)) {
    const error = failed.exec(line);
    if (error && !error[1]!.startsWith(">") && !/^\s/.test(error[1]!)) {
      findings.push({ file: toRepoPath(error[1]!, root), ruleId: "prettier/parse", severity: "error", message: withoutRoot(error[2]!, root) });
      continue;
    }
    const warn = unformatted.exec(line);
    if (warn && !summaryLine.test(line)) findings.push({ file: toRepoPath(warn[1]!, root), ruleId: "prettier/format", severity: "error", message: "not formatted (prettier --check)" });
  }
  if (exitCode === 1 && !findings.some((finding) => finding.ruleId === "prettier/format")) return { ok: false, reason: "prettier exited 1 without naming a file: add 2>&1 to the command so its warnings are read" };
  if (exitCode === 2 && !findings.some((finding) => finding.ruleId === "prettier/parse")) return { ok: false, reason: "prettier exited 2 without naming a file it could not parse (a configuration error?)" };
  return { ok: true, report: { kind: "lint", findings } };
}
