/** Turns an error thrown by a sandbox call (fork, write, read) into an infrastructure outcome. */
import { ForkliftError } from "../../shared/errors.ts";
import type { CheckInfra } from "./check-run.ts";

/** A thrown sandbox error as a `CheckInfra`: an unreachable daemon by its code, anything else as `sandbox-error`. */
export function infraFromError(error: unknown, durationMs = 0): CheckInfra {
  const detail = error instanceof Error ? error.message : String(error);
  const unreachable = error instanceof ForkliftError && error.code === "docker-not-running";
  return { status: "infra", reason: unreachable ? "daemon-unreachable" : "sandbox-error", detail, durationMs };
}
