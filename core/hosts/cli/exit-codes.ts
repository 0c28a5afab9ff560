/** The CLI's exit codes; documented in the README. */
import type { ErrorCode } from "../../../shared/errors.ts";

export const exitCodes = {
  /** Done: `run`/`resume`/`demo` found a solution for every repository; other commands succeeded. */
  ok: 0,
  /** The command ran and reports a negative result: no solution within the budget (or paused), edits that did not apply, a patch that does not apply. */
  failure: 1,
  /** Bad arguments or input: a malformed spec, a dirty or missing repository, an unknown session or node, a refused path, a session another process runs. */
  usage: 2,
  /** The infrastructure failed: Docker missing or not running, the base image missing, setup failed in the sandbox, the LLM endpoint unreachable. */
  infrastructure: 3,
  /** An unexpected error (a bug): please report it with FORKLIFT_DEBUG=1 output. */
  internal: 70,
} as const;

/** The exit code for a failure with this error code. */
export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case "docker-not-installed":
    case "docker-not-running":
    case "docker-permission-denied":
    case "image-missing":
    case "image-build-failed":
    case "setup-failed":
    case "llm-unreachable":
    case "store-io":
      return exitCodes.infrastructure;
    case "internal":
      return exitCodes.internal;
    case "patch-mismatch":
      return exitCodes.failure;
    case "repo-missing":
    case "repo-not-git":
    case "repo-dirty":
    case "path-outside-repo":
    case "invalid-input":
    case "invalid-spec":
    case "store-corrupt":
    case "store-too-new":
    case "store-readonly":
    case "llm-not-configured":
    case "not-found":
    case "session-busy":
      return exitCodes.usage;
  }
}
