/**
 * How one run of a check ended. Three outcomes are kept apart: a parsed report (`reported`); the
 * command ran but left nothing parseable (`no-report`: it crashed, printed garbage, wrote no
 * report file — whose fault that is depends on the baseline); and the infrastructure failing
 * (`infra`: the sandbox timed out or ran out of memory, the daemon or the container went away),
 * which says nothing about the code under test.
 */
import type { InfraReason } from "../sandbox/index.ts";
import type { CheckReport } from "./check-report.ts";
import type { RawOutput } from "./raw-output.ts";

/** Why a check could not run to a verdict: the sandbox's own reasons, the check's time limit, or a sandbox call that failed. */
export type CheckInfraReason = InfraReason | "timed-out" | "sandbox-error";

/** One run of one check. */
export type CheckRun =
  | { readonly status: "reported"; readonly report: CheckReport; readonly exitCode: number; readonly durationMs: number; readonly raw: RawOutput }
  | { readonly status: "no-report"; readonly reason: string; readonly exitCode: number; readonly durationMs: number; readonly raw: RawOutput }
  | { readonly status: "infra"; readonly reason: CheckInfraReason; readonly detail: string; readonly durationMs: number; readonly raw?: RawOutput };

/** The infrastructure variant of {@link CheckRun}. */
export type CheckInfra = Extract<CheckRun, { status: "infra" }>;

/** True for the infrastructure variant (also when mixed with other values, e.g. a baseline or a fault). */
export function isCheckInfra(value: object): value is CheckInfra {
  return "status" in value && value.status === "infra";
}
