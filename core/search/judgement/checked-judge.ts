/**
 * The judgement on Docker, by core/checks and core/score: baselines measured once per checkpoint
 * in a fork (test checks twice, so flaky tests are known), each hypothesis checked in a fork of
 * its parent's checkpoint, new test failures confirmed by a re-run, gates, and the score.
 */
import { BaselineCache } from "../../checks/index.ts";
import type { ResourceLimits, SandboxDriver } from "../../sandbox/index.ts";
import { checkHypothesis } from "../../score/index.ts";
import type { CheckSpec } from "../../spec/check-schema.ts";
import type { DockerRunner } from "../runner/docker-runner.ts";
import type { Judge } from "./judge.ts";
import { rootBaseline, toJudged } from "./judged-node.ts";

/** What the judge needs: the driver its forks come from and the runner that knows the session's checkpoints. */
export interface CheckedJudgeOptions {
  readonly driver: SandboxDriver;
  readonly runner: DockerRunner;
  readonly checks: readonly CheckSpec[];
  readonly limits?: Partial<ResourceLimits>;
}

/** Creates the judge (see the module comment). */
export function createCheckedJudge(options: CheckedJudgeOptions): Judge {
  const { driver, runner, checks } = options;
  const baselines = new BaselineCache({ driver, ...(options.limits && { limits: options.limits }) });
  return {
    async baseline(root) {
      const set = await baselines.get(runner.checkpointOf(root), checks);
      return rootBaseline(checks, set.status === "infra" ? { check: set.check, fault: set.fault } : set.baselines);
    },
    async judge(request) {
      const judgement = await checkHypothesis({
        driver,
        checkpoint: runner.checkpointOf(request.base),
        node: request.nodeId,
        changes: request.changes,
        checks: checks.filter((check) => !request.skipChecks?.includes(check.name)),
        baselines,
        sites: { before: request.sitesAtRoot, after: request.sitesLeft },
        diffLines: request.diffLines,
        ...(options.limits && { limits: options.limits }),
      });
      return toJudged(judgement, checks);
    },
    save: () => JSON.stringify(baselines.export()),
    restore(saved) {
      baselines.import(JSON.parse(saved) as unknown[]);
    },
  };
}
