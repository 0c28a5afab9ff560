/**
 * Measures the baselines of a checkpoint's checks in one fresh fork: every check once, in spec
 * order (as a hypothesis's checks run), then the test checks a second time in the same fork so a
 * test whose two results differ is known to be flaky. The fork is removed afterwards.
 */
import type { Checkpoint, ResourceLimits, SandboxDriver } from "../sandbox/index.ts";
import type { CheckBaseline } from "./check-baseline.ts";
import { checkFingerprint, isTestParser, type CheckDefinition } from "./check-definition.ts";
import type { CheckInfra, CheckRun } from "./check-run.ts";
import { infraFromError } from "./infra-from-error.ts";
import { flakyTestIds } from "./report-tests.ts";
import { runCheck, type RunCheckOptions } from "./run-check.ts";

/** Options of {@link measureBaselines}. */
export interface MeasureOptions extends RunCheckOptions {
  /** Limits of the baseline fork (as the hypotheses' forks get, so both run alike). */
  readonly limits?: Partial<ResourceLimits>;
  /** Called after each run, for progress and logs. */
  readonly onRun?: (check: CheckDefinition, pass: 1 | 2, run: CheckRun) => void;
}

/** Baselines of `checks` by name; a check the infrastructure kept from measuring maps to its fault (and nothing after it is measured). */
export async function measureBaselines(driver: SandboxDriver, checkpoint: Checkpoint, checks: readonly CheckDefinition[], options: MeasureOptions = {}): Promise<Map<string, CheckBaseline | CheckInfra>> {
  const results = new Map<string, CheckBaseline | CheckInfra>();
  const skipAll = (fault: CheckInfra) => {
    for (const check of checks) if (!results.has(check.name)) results.set(check.name, { ...fault, detail: `${fault.detail} (baseline of ${check.name} not measured)` });
    return results;
  };
  let sandbox;
  try {
    sandbox = await driver.fork(checkpoint, { node: checkpoint.node, ...(options.limits ? { limits: options.limits } : {}) });
  } catch (error) {
    return skipAll(infraFromError(error));
  }
  try {
    const first = new Map<string, CheckRun>();
    for (const check of checks) {
      const run = await runCheck(driver, sandbox, check, options);
      options.onRun?.(check, 1, run);
      if (run.status === "infra") return skipAll(run);
      first.set(check.name, run);
    }
    for (const check of checks) {
      const run = first.get(check.name);
      if (!run || run.status === "infra") continue;
      if (!isTestParser(check.parser)) {
        results.set(check.name, baselineFromRuns(checkpoint.id, check, run, undefined));
        continue;
      }
      const second = await runCheck(driver, sandbox, check, options);
      options.onRun?.(check, 2, second);
      if (second.status === "infra") return skipAll(second);
      results.set(check.name, baselineFromRuns(checkpoint.id, check, run, second));
    }
    return results;
  } finally {
    await driver.destroy(sandbox).catch(() => undefined);
  }
}

/** A baseline from one or two finished runs of a check at a checkpoint (two for test checks: results that differ are flaky). */
export function baselineFromRuns(checkpointId: string, check: CheckDefinition, first: Exclude<CheckRun, CheckInfra>, second: Exclude<CheckRun, CheckInfra> | undefined): CheckBaseline {
  const reported = first.status === "reported" ? first : second?.status === "reported" ? second : undefined;
  const flakyReport = second !== undefined && first.status !== second.status;
  const flakyTests = first.status === "reported" && second?.status === "reported" ? flakyTestIds(first.report, second.report) : [];
  return {
    version: 1,
    checkpointId,
    check: check.name,
    fingerprint: checkFingerprint(check),
    parser: check.parser,
    outcome: reported ? { status: "reported", report: reported.report } : { status: "no-report", reason: first.status === "no-report" ? first.reason : "no report" },
    flakyTests,
    flakyReport,
    runs: second ? 2 : 1,
    durationMs: first.durationMs,
    measuredAt: new Date().toISOString(),
  };
}
