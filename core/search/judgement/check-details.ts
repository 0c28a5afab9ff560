/** The check details a judgement leaves for the store (shared/protocol CheckDetail): failures by name, exit code, captured output. */
import type { CheckDetail } from "../../../shared/protocol/check-detail.ts";
import type { RawOutput } from "../../checks/index.ts";
import { capText } from "../../checks/index.ts";
import type { Judgement } from "../../score/index.ts";
import type { CheckSpec } from "../../spec/check-schema.ts";

/** Bytes of a check's output kept per node (head and tail): enough to read a failure, small enough for thousands of nodes. */
export const storedOutputBytes = 32 * 1024;

/** The details of every check a judgement ran (none for an invalid hypothesis). */
export function checkDetails(judgement: Judgement, checks: readonly CheckSpec[]): CheckDetail[] {
  if (judgement.verdict === "invalid") return [];
  return judgement.checks.map((check): CheckDetail => {
    const output = check.raw ? joinedOutput(check.raw) : undefined;
    const command = checks.find((spec) => spec.name === check.summary.name)?.command;
    return {
      summary: check.summary,
      ...(command !== undefined && { command }),
      ...(check.exitCode !== undefined && { exitCode: check.exitCode }),
      newFailures: check.newFailures.map((failure) => failure.label),
      fixedFailures: (check.fixed ?? []).map((failure) => failure.label),
      ...(output && output.text !== "" && { output: output.text }),
      outputTruncated: output?.truncated ?? false,
    };
  });
}

/** stdout then stderr, capped to {@link storedOutputBytes}. */
function joinedOutput(raw: RawOutput): { text: string; truncated: boolean } {
  const between = raw.stdout !== "" && raw.stderr !== "" && !raw.stdout.endsWith("\n") ? "\n" : "";
  const capped = capText(`${raw.stdout}${between}${raw.stderr}`, storedOutputBytes);
  return { text: capped.text, truncated: capped.truncated || raw.truncated };
}
