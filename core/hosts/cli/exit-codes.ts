/** The CLI's exit codes; documented in the README. */
export const exitCodes = {
  ok: 0,
  /** The command ran and reports a negative result (e.g. edits that did not apply). */
  failure: 1,
  /** Bad arguments or input. */
  usage: 2,
  /** An unexpected error (a bug): please report it with FORKLIFT_DEBUG=1 output. */
  internal: 70,
} as const;
