/** Runs one check in a sandbox with its time limit, reads its report (stdout or report file) and parses it. */
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ForkliftError } from "../../shared/errors.ts";
import type { OutputChunk, Sandbox, SandboxDriver } from "../sandbox/index.ts";
import { describeOutcome } from "../sandbox/index.ts";
import type { CheckDefinition } from "./check-definition.ts";
import type { CheckRun } from "./check-run.ts";
import { infraFromError } from "./infra-from-error.ts";
import { checkRunFromOutput, type FinishedCommand } from "./check-run-from-output.ts";
import { defaultRawBytes, rawOutput } from "./raw-output.ts";

/** Largest report read and parsed (stdout or report file); a longer one is `no-report`. */
export const defaultMaxReportBytes = 32 * 1024 * 1024;

/** Options of {@link runCheck}. */
export interface RunCheckOptions {
  /** Bytes of each output stream kept for the UI. Default 64 KiB. */
  readonly rawBytes?: number;
  /** Largest report parsed. Default 32 MiB. */
  readonly maxReportBytes?: number;
  /** Output as it arrives (for a live log). */
  readonly onOutput?: (chunk: OutputChunk) => void;
}

/** Runs `check` in `sandbox` (from the repository root) and returns its parsed report, why there is none, or the infrastructure fault. Never throws for the sandbox's failures. */
export async function runCheck(driver: SandboxDriver, sandbox: Sandbox, check: CheckDefinition, options: RunCheckOptions = {}): Promise<CheckRun> {
  const started = performance.now();
  const rawBytes = options.rawBytes ?? defaultRawBytes;
  const maxReportBytes = options.maxReportBytes ?? defaultMaxReportBytes;
  const reportFile = check.reportFile === undefined ? undefined : reportPath(check.reportFile);
  // A report left by an earlier run (or committed) must never be read as this run's.
  const command = reportFile ? `rm -f -- ${shellQuote(reportFile)}\n${check.command}` : check.command;
  const elapsed = () => Math.round(performance.now() - started);

  const result = await driver.exec(sandbox, {
    command,
    timeoutMs: Math.round(check.timeoutSec * 1000),
    maxOutputBytes: reportFile ? rawBytes : maxReportBytes,
    ...(options.onOutput ? { onOutput: options.onOutput } : {}),
  });
  if (result.status === "infra") return { status: "infra", reason: result.reason, detail: result.detail, durationMs: result.durationMs, raw: rawOutput(result.stdout, result.stderr, undefined, rawBytes) };
  if (result.status === "timed-out") {
    return { status: "infra", reason: "timed-out", detail: `${check.name}: ${describeOutcome(result)}`, durationMs: result.durationMs, raw: rawOutput(result.stdout, result.stderr, undefined, rawBytes) };
  }

  let reportText: string | undefined;
  if (reportFile) {
    let file;
    try {
      file = (await driver.readFiles(sandbox, [reportFile])).get(reportFile);
    } catch (error) {
      return { ...infraFromError(error, elapsed()), raw: rawOutput(result.stdout, result.stderr, undefined, rawBytes) };
    }
    if (file && file.content.length > maxReportBytes) {
      const raw = rawOutput(result.stdout, result.stderr, undefined, rawBytes);
      return { status: "no-report", reason: `the report file ${reportFile} is larger than ${maxReportBytes} bytes`, exitCode: result.exitCode, durationMs: elapsed(), raw };
    }
    reportText = file?.content.toString("utf8");
  }
  const finished: FinishedCommand = {
    exitCode: result.exitCode,
    stdout: result.stdout.text,
    stderr: result.stderr.text,
    stdoutTruncated: result.stdout.truncated,
    stderrTruncated: result.stderr.truncated,
    ...(reportText === undefined ? {} : { reportText }),
    durationMs: elapsed(),
  };
  return checkRunFromOutput({ ...check, ...(reportFile ? { reportFile } : {}) }, finished, sandbox.workdir, rawBytes);
}

/** The report file as a normalized path inside the repository; anything else is a spec error. */
function reportPath(file: string): string {
  const normal = path.posix.normalize(file);
  if (file === "" || path.posix.isAbsolute(normal) || normal === "." || normal === ".." || normal.startsWith("../")) {
    throw new ForkliftError("invalid-spec", `reportFile ${JSON.stringify(file)} must be a path inside the repository, relative to its root`);
  }
  return normal;
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
