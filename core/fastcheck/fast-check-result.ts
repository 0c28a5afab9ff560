/**
 * What the fast tier answers for one hypothesis. A real answer (`checked`, possibly with errors),
 * a repository the fast tier cannot judge (`unavailable`), a fault of the machinery (`infra`, never
 * to be scored as a wrong hypothesis) and a caller's own cancellation are different variants.
 */

/** One TypeScript diagnostic as `tsc` reports it: repository-relative file, 1-based line and column. */
export interface FastCheckDiagnostic {
  /** POSIX path relative to the repository root; absent for global and option diagnostics. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** TypeScript's error number, e.g. 2345 for TS2345. */
  readonly code: number;
  readonly category: "error" | "warning" | "suggestion" | "message";
  /** The full message; chained messages are joined with newlines. */
  readonly message: string;
}

/** Why the fast tier cannot judge this repository at all (not a fault, and not the hypothesis's). */
export type FastCheckUnavailableReason =
  /** The repository has no `typescript` package in its node_modules. */
  | "no-typescript"
  /** No tsconfig.json was found. */
  | "no-tsconfig"
  /** The repository's TypeScript has no JavaScript compiler API to load (7.x, the native compiler). */
  | "unsupported-typescript"
  /** The agent could not build the baseline with the repository's TypeScript (its detail says why). */
  | "agent-failed";

/** Which part of the machinery failed. */
export type FastCheckInfraReason =
  /** The agent died twice while on this request (or could not be started). */
  | "agent-crashed"
  /** No answer within the request's time limit. */
  | "timeout"
  /** The sandbox holding the agent no longer exists. */
  | "sandbox-gone"
  /** The agent answered with an internal error or with something that is not the protocol. */
  | "agent-error";

/** The fast tier's verdict on one overlay. */
export type FastCheckResult =
  | {
      readonly status: "checked";
      /** Diagnostics of the checked files, sorted as tsc sorts them. */
      readonly diagnostics: readonly FastCheckDiagnostic[];
      /** Every file whose diagnostics were (re)computed: the changed files and the files they affect. */
      readonly files: readonly string[];
      /** Time the agent spent on the request. */
      readonly ms: number;
      /** CPU time the agent's process used for it (all threads): a figure that noisy neighbours inflate less. */
      readonly cpuMs?: number;
      /** Time from sending the request to reading its answer, transport included. */
      readonly roundTripMs: number;
    }
  | { readonly status: "unavailable"; readonly reason: FastCheckUnavailableReason; readonly detail: string }
  | { readonly status: "infra"; readonly reason: FastCheckInfraReason; readonly detail: string }
  | { readonly status: "cancelled" };

/** What the agent said when it started: its TypeScript and its baseline. */
export interface AgentHello {
  readonly typescript: string;
  readonly tsconfig: string;
  readonly rootFiles: number;
  readonly sourceFiles: number;
  readonly baselineMs: number;
  readonly baselineDiagnostics: number;
  /** The agent's process id where it runs (inside the sandbox for a sandbox transport). */
  readonly pid: number;
}
