/**
 * Errors a user can act on. Each carries a stable code (so hosts and the UI can branch on it
 * without parsing text) and a one-line message that says what to do.
 */
export const errorCodes = [
  "docker-not-installed",
  "docker-not-running",
  "docker-permission-denied",
  "image-missing",
  "image-build-failed",
  "setup-failed",
  "repo-missing",
  "repo-not-git",
  "repo-dirty",
  "path-outside-repo",
  "invalid-input",
  "invalid-spec",
  "store-corrupt",
  "store-too-new",
  "store-readonly",
  "store-io",
  "llm-not-configured",
  "not-found",
  "session-busy",
  "llm-unreachable",
  "patch-mismatch",
  "internal",
] as const;

/** A stable, machine-readable reason for a {@link ForkliftError}. */
export type ErrorCode = (typeof errorCodes)[number];

/** An error whose message is the one line shown to the user; `code` is for programs. */
export class ForkliftError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "ForkliftError";
  }
}

/** The wire form of an error: a coded value, never a stack trace. */
export interface ErrorValue {
  code: ErrorCode;
  message: string;
}

/** Converts anything thrown into an {@link ErrorValue}; unknown errors become `internal`. */
export function toErrorValue(error: unknown): ErrorValue {
  if (error instanceof ForkliftError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal", message };
}
