/** The raw output of a check kept for the UI: stdout, stderr and the report file, each capped (head and tail). */
import type { CapturedOutput } from "../sandbox/index.ts";

/** Default bytes kept per stream for the UI (the parser sees the whole report). */
export const defaultRawBytes = 64 * 1024;

/** What a check printed, capped. `truncated` is true when any part lost its middle. */
export interface RawOutput {
  readonly stdout: string;
  readonly stderr: string;
  /** The report file's text, when the check writes one. */
  readonly report?: string;
  readonly truncated: boolean;
}

/** Keeps the first and last `maxBytes / 2` characters of `text`, with a one-line marker where the middle was dropped. */
export function capText(text: string, maxBytes: number): { text: string; truncated: boolean } {
  if (Buffer.byteLength(text) <= maxBytes) return { text, truncated: false };
  const half = Math.floor(maxBytes / 2);
  const head = Buffer.from(text).subarray(0, half).toString("utf8");
  const tail = Buffer.from(text).subarray(-half).toString("utf8");
  return { text: `${head}\n[… ${Buffer.byteLength(text) - 2 * half} bytes dropped …]\n${tail}`, truncated: true };
}

/** Builds the capped raw output of one run. */
export function rawOutput(stdout: CapturedOutput, stderr: CapturedOutput, report: string | undefined, maxBytes: number): RawOutput {
  const out = capText(stdout.text, maxBytes);
  const err = capText(stderr.text, maxBytes);
  const file = report === undefined ? undefined : capText(report, maxBytes);
  return {
    stdout: out.text,
    stderr: err.text,
    ...(file ? { report: file.text } : {}),
    truncated: out.truncated || err.truncated || stdout.truncated || stderr.truncated || (file?.truncated ?? false),
  };
}
