/**
 * The slow tier for one hypothesis, end to end: the checkpoint's baselines (cached), a fresh fork
 * with the hypothesis's changes written in, every check run there (and re-run there to confirm new
 * test failures), the judgement, and the fork removed. Failures of the sandbox itself (fork,
 * write) make the hypothesis `unjudged`.
 */
import type { FileChanges } from "../../shared/file-changes.ts";
import type { BaselineCache, CheckDefinition, CheckRun, RunCheckOptions } from "../checks/index.ts";
import { infraFromError, runCheck } from "../checks/index.ts";
import type { Checkpoint, ResourceLimits, Sandbox, SandboxDriver } from "../sandbox/index.ts";
import type { SiteCounts } from "./compute-score.ts";
import { judgeHypothesis } from "./judge-hypothesis.ts";
import type { Judgement } from "./judgement.ts";
import type { ScoreWeights } from "./score-weights.ts";

/** Progress of {@link checkHypothesis}, for the UI and logs. */
export type CheckHypothesisEvent =
  | { readonly type: "baselines-ready" }
  | { readonly type: "forked"; readonly sandbox: Sandbox }
  | { readonly type: "check-started"; readonly check: string; readonly attempt: 1 | 2 }
  | { readonly type: "check-finished"; readonly check: string; readonly attempt: 1 | 2; readonly run: CheckRun };

/** What {@link checkHypothesis} needs. */
export interface CheckHypothesisInput {
  readonly driver: SandboxDriver;
  readonly checkpoint: Checkpoint;
  /** The tree node this hypothesis is (labels the fork). */
  readonly node: string;
  /** The hypothesis's changes relative to the checkpoint. */
  readonly changes: FileChanges;
  readonly checks: readonly CheckDefinition[];
  readonly baselines: BaselineCache;
  readonly sites: SiteCounts;
  readonly diffLines: number;
  readonly weights?: Partial<ScoreWeights>;
  /** Limits of the fork (default: the driver's; the baseline cache should use the same). */
  readonly limits?: Partial<ResourceLimits>;
  readonly runOptions?: RunCheckOptions;
  readonly stopAtFailedGate?: boolean;
  readonly onEvent?: (event: CheckHypothesisEvent) => void;
}

/** Judges a hypothesis in a fork of its checkpoint; never throws for the sandbox's failures. */
export async function checkHypothesis(input: CheckHypothesisInput): Promise<Judgement> {
  const { driver, checkpoint } = input;
  const set = await input.baselines.get(checkpoint, input.checks);
  if (set.status === "infra") return { verdict: "unjudged", reason: set.fault.reason, detail: `baseline of ${set.check}: ${set.fault.detail}`, check: set.check, checks: [] };
  input.onEvent?.({ type: "baselines-ready" });

  let sandbox: Sandbox;
  try {
    sandbox = await driver.fork(checkpoint, { node: input.node, ...(input.limits ? { limits: input.limits } : {}) });
  } catch (error) {
    const fault = infraFromError(error);
    return { verdict: "unjudged", reason: fault.reason, detail: `fork: ${fault.detail}`, checks: [] };
  }
  input.onEvent?.({ type: "forked", sandbox });
  try {
    try {
      await driver.applyChanges(sandbox, input.changes);
    } catch (error) {
      const fault = infraFromError(error);
      return { verdict: "unjudged", reason: fault.reason, detail: `writing the changes: ${fault.detail}`, checks: [] };
    }
    return await judgeHypothesis({
      checks: input.checks,
      baselines: set.baselines,
      run: async (check: CheckDefinition, attempt: 1 | 2) => {
        input.onEvent?.({ type: "check-started", check: check.name, attempt });
        const run = await runCheck(driver, sandbox, check, input.runOptions);
        input.onEvent?.({ type: "check-finished", check: check.name, attempt, run });
        return run;
      },
      sites: input.sites,
      diffLines: input.diffLines,
      ...(input.weights ? { weights: input.weights } : {}),
      ...(input.stopAtFailedGate === undefined ? {} : { stopAtFailedGate: input.stopAtFailedGate }),
    });
  } finally {
    await driver.destroy(sandbox).catch(() => undefined);
  }
}
