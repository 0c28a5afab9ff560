/** A check as the checks layer runs it: the spec's check, plus where its report is written. */
import { createHash } from "node:crypto";
import type { CheckParser, CheckSpec } from "../spec/check-schema.ts";

/**
 * A check to run in a sandbox. `reportFile` (a path relative to the repository root) is read back
 * from the sandbox after the command and parsed instead of stdout; it is deleted before each run so
 * a stale report can never be read.
 */
export type CheckDefinition = CheckSpec & { readonly reportFile?: string };

/** Parsers whose report lists tests: run twice at the baseline (flaky detection), re-run to confirm a new failure. */
export function isTestParser(parser: CheckParser): boolean {
  return parser === "tap" || parser === "junit" || parser === "vitest-json" || parser === "jest-json" || parser === "exit-code";
}

/** A short hash of what decides a check's result (command, parser, report file, timeout): a baseline is only reused for the same one. */
export function checkFingerprint(check: CheckDefinition): string {
  const identity = JSON.stringify([check.command, check.parser, check.reportFile ?? "", check.timeoutSec]);
  return createHash("sha256").update(identity).digest("hex").slice(0, 16);
}
