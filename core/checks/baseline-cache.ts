/**
 * Baselines per checkpoint, measured once and kept in memory by checkpoint id and check name.
 * Callers that ask at the same time share one measurement; a baseline the infrastructure kept
 * from measuring is not kept, so the next caller tries again. `export`/`import` move the cache
 * to and from the store as plain JSON.
 */
import type { Checkpoint, SandboxDriver } from "../sandbox/index.ts";
import { CheckBaselineSchema, type CheckBaseline } from "./check-baseline.ts";
import { checkFingerprint, type CheckDefinition } from "./check-definition.ts";
import { isCheckInfra, type CheckInfra } from "./check-run.ts";
import { infraFromError } from "./infra-from-error.ts";
import { measureBaselines, type MeasureOptions } from "./measure-baselines.ts";

/** The baselines a hypothesis is judged against, or the fault that kept one from being measured. */
export type BaselineSet =
  | { readonly status: "measured"; readonly baselines: ReadonlyMap<string, CheckBaseline> }
  | { readonly status: "infra"; readonly check: string; readonly fault: CheckInfra };

/** Options of the cache: the driver its forks come from, and how checks run there. */
export interface BaselineCacheOptions extends MeasureOptions {
  readonly driver: SandboxDriver;
}

const keyOf = (checkpointId: string, check: string) => `${checkpointId}\u0000${check}`;
const notMeasured = (check: string): CheckInfra => ({ status: "infra", reason: "sandbox-error", detail: `baseline of ${check} not measured`, durationMs: 0 });

/** See the module comment. */
export class BaselineCache {
  private readonly kept = new Map<string, CheckBaseline>();
  private readonly pending = new Map<string, Promise<CheckBaseline | CheckInfra>>();

  constructor(private readonly options: BaselineCacheOptions) {}

  /** The baselines of `checks` at `checkpoint`; the missing ones are measured together in one fork. */
  async get(checkpoint: Checkpoint, checks: readonly CheckDefinition[]): Promise<BaselineSet> {
    const waits = new Map<string, CheckBaseline | Promise<CheckBaseline | CheckInfra>>();
    const missing: CheckDefinition[] = [];
    for (const check of checks) {
      const known = this.fresh(checkpoint.id, check) ?? this.pending.get(keyOf(checkpoint.id, check.name));
      if (known) waits.set(check.name, known);
      else missing.push(check);
    }
    if (missing.length > 0) {
      const job = measureBaselines(this.options.driver, checkpoint, missing, this.options);
      for (const check of missing) {
        const key = keyOf(checkpoint.id, check.name);
        const one = job
          .then((results) => results.get(check.name) ?? notMeasured(check.name))
          .catch((error: unknown) => infraFromError(error))
          .then((result) => {
            if (!isCheckInfra(result)) this.kept.set(key, result);
            this.pending.delete(key);
            return result;
          });
        this.pending.set(key, one);
        waits.set(check.name, one);
      }
    }
    const baselines = new Map<string, CheckBaseline>();
    for (const check of checks) {
      const result = await waits.get(check.name);
      if (!result) continue;
      if (isCheckInfra(result)) return { status: "infra", check: check.name, fault: result };
      baselines.set(check.name, result);
    }
    return { status: "measured", baselines };
  }

  /** The kept baseline of a check at a checkpoint, if any (whatever command it was measured with). */
  peek(checkpointId: string, check: string): CheckBaseline | undefined {
    return this.kept.get(keyOf(checkpointId, check));
  }

  /** Every kept baseline, as JSON-safe values for the store. */
  export(): CheckBaseline[] {
    return [...this.kept.values()];
  }

  /** Adds baselines the store kept; values that do not validate are skipped and counted. */
  import(values: readonly unknown[]): { loaded: number; rejected: number } {
    let loaded = 0;
    for (const value of values) {
      const parsed = CheckBaselineSchema.safeParse(value);
      if (!parsed.success) continue;
      this.kept.set(keyOf(parsed.data.checkpointId, parsed.data.check), parsed.data);
      loaded++;
    }
    return { loaded, rejected: values.length - loaded };
  }

  /** Drops the baselines of a checkpoint (e.g. when its image is removed). */
  forget(checkpointId: string): void {
    for (const [key, baseline] of this.kept) if (baseline.checkpointId === checkpointId) this.kept.delete(key);
  }

  private fresh(checkpointId: string, check: CheckDefinition): CheckBaseline | undefined {
    const kept = this.kept.get(keyOf(checkpointId, check.name));
    return kept && kept.fingerprint === checkFingerprint(check) ? kept : undefined;
  }
}
