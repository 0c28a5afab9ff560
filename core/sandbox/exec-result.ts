/**
 * The result of running a command in a sandbox. The command's own failure (a non-zero exit, a
 * timeout) and an infrastructure fault (the sandbox ran out of memory or processes, the daemon
 * or the container went away) are different variants, so a caller never parses text to tell a
 * wrong hypothesis from a broken sandbox.
 */
import { assertNever } from "../../shared/assert-never.ts";

/** Why the infrastructure, not the command, decided the outcome. */
export type InfraReason =
  /** The kernel's OOM killer killed a process of the command: the memory limit was reached. */
  | "oom-killed"
  /** The command failed while the sandbox's process limit was reached. */
  | "pids-limit"
  /** The Docker daemon stopped answering during the command. */
  | "daemon-unreachable"
  /** The sandbox container was removed or stopped during the command. */
  | "sandbox-gone";

/** How a command ended. */
export type ExecOutcome =
  | { readonly status: "exited"; readonly exitCode: number }
  | { readonly status: "timed-out"; readonly timeoutMs: number }
  | { readonly status: "infra"; readonly reason: InfraReason; readonly detail: string };

/** Output of one stream, capped: the head and the tail are kept, the middle dropped when too long. */
export interface CapturedOutput {
  /** The kept text; when truncated, a one-line marker stands where bytes were dropped. */
  readonly text: string;
  readonly truncated: boolean;
  /** Bytes the command wrote to this stream, including dropped ones. */
  readonly totalBytes: number;
}

/** Which sandbox limits the command ran into (even when it still exited 0). */
export interface LimitsHit {
  readonly memory: boolean;
  readonly pids: boolean;
}

/** Everything known about one finished command. */
export type ExecResult = ExecOutcome & {
  readonly stdout: CapturedOutput;
  readonly stderr: CapturedOutput;
  readonly durationMs: number;
  readonly limitsHit: LimitsHit;
};

/** True when the outcome says nothing about the command: the sandbox or the daemon failed. */
export function isInfraFault(outcome: ExecOutcome): outcome is Extract<ExecOutcome, { status: "infra" }> {
  return outcome.status === "infra";
}

/** True when the command ran to its end and exited 0. */
export function isSuccess(outcome: ExecOutcome): boolean {
  return outcome.status === "exited" && outcome.exitCode === 0;
}

/** A short human-readable account of an outcome, for logs and the UI. */
export function describeOutcome(outcome: ExecOutcome): string {
  switch (outcome.status) {
    case "exited":
      return `exited ${outcome.exitCode}`;
    case "timed-out":
      return `timed out after ${outcome.timeoutMs} ms (process tree killed)`;
    case "infra":
      return `infrastructure fault: ${outcome.reason} (${outcome.detail})`;
    default:
      return assertNever(outcome, "exec outcome");
  }
}
