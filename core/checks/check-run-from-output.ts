/**
 * The parsing half of a check run: from what a finished command left (exit code, output, report
 * file) to a CheckRun. runCheck uses it for sandboxes; a runner that executes commands elsewhere
 * (a host directory, a remote pool) can use it to get the same reports and verdicts.
 */
import type { CheckDefinition } from "./check-definition.ts";
import type { CheckRun } from "./check-run.ts";
import { parseReport } from "./parsers/parse-report.ts";
import { defaultRawBytes, rawOutput } from "./raw-output.ts";

/** A command that ran to its end. */
export interface FinishedCommand {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr?: string;
  /** True when stdout lost bytes to a cap: a report read from it would be incomplete. */
  readonly stdoutTruncated?: boolean;
  readonly stderrTruncated?: boolean;
  /** The report file's text when the check has a `reportFile`; undefined when the command did not write it. */
  readonly reportText?: string;
  readonly durationMs: number;
}

/** Parses a finished command's report into a CheckRun (`reported` or `no-report`); `root` is the repository's absolute path where it ran. */
export function checkRunFromOutput(check: CheckDefinition, command: FinishedCommand, root: string, rawBytes = defaultRawBytes): CheckRun {
  const captured = (text: string, truncated = false) => ({ text, truncated, totalBytes: Buffer.byteLength(text) });
  const raw = rawOutput(captured(command.stdout, command.stdoutTruncated), captured(command.stderr ?? "", command.stderrTruncated), command.reportText, rawBytes);
  const noReport = (reason: string): CheckRun => ({ status: "no-report", reason, exitCode: command.exitCode, durationMs: command.durationMs, raw });
  let text = command.stdout;
  if (check.reportFile !== undefined) {
    if (command.reportText === undefined) return noReport(`the command (exited ${command.exitCode}) did not write its report file ${check.reportFile}`);
    text = command.reportText;
  } else if (command.stdoutTruncated) {
    return noReport("the output was cut at the capture limit: write the report to a file (reportFile)");
  }
  const parsed = parseReport(check.parser, { text, exitCode: command.exitCode, root });
  if (!parsed.ok) return noReport(parsed.reason);
  return { status: "reported", report: parsed.report, exitCode: command.exitCode, durationMs: command.durationMs, raw };
}
