/**
 * The judgement on the host runner, by core/checks and core/score as on Docker: commands run in a
 * throw-away copy of the checkpoint's directory, their output parsed by checkRunFromOutput,
 * baselines per checkpoint (test checks twice), judgeHypothesis for the comparison, re-runs,
 * gates and score.
 */
import { CheckBaselineSchema, baselineFromRuns, checkRunFromOutput, isTestParser } from "../../checks/index.ts";
import type { CheckBaseline, CheckDefinition, CheckInfra, CheckRun } from "../../checks/index.ts";
import { judgeHypothesis } from "../../score/index.ts";
import type { CheckSpec } from "../../spec/check-schema.ts";
import type { HostRunner, HostWorkspace } from "../runner/host-runner.ts";
import type { CheckpointHandle } from "../runner/runner.ts";
import type { Judge } from "./judge.ts";
import { rootBaseline, toJudged } from "./judged-node.ts";

type Baselines = ReadonlyMap<string, CheckBaseline> | { check: string; fault: CheckInfra };

/** Creates the judge for a host runner. */
export function createHostJudge(runner: HostRunner, checks: readonly CheckSpec[]): Judge {
  const kept = new Map<string, Map<string, CheckBaseline>>();
  const measuring = new Map<string, Promise<Baselines>>();

  const baselinesOf = (base: CheckpointHandle): Promise<Baselines> => {
    const known = kept.get(base.id);
    if (known && checks.every((check) => known.has(check.name))) return Promise.resolve(known);
    let pending = measuring.get(base.id);
    if (!pending) {
      pending = measure(base).finally(() => measuring.delete(base.id));
      measuring.set(base.id, pending);
    }
    return pending;
  };

  const measure = async (base: CheckpointHandle): Promise<Baselines> => {
    const workspace = await runner.workspace(base, base.nodeId, {});
    try {
      const measured = new Map<string, CheckBaseline>();
      for (const check of checks) {
        const first = await runIn(workspace, check);
        if (first.status === "infra") return { check: check.name, fault: first };
        const second = isTestParser(check.parser) ? await runIn(workspace, check) : undefined;
        if (second?.status === "infra") return { check: check.name, fault: second };
        measured.set(check.name, baselineFromRuns(base.id, check, first, second));
      }
      kept.set(base.id, measured);
      return measured;
    } finally {
      await workspace.close();
    }
  };

  return {
    async baseline(root) {
      return rootBaseline(checks, await baselinesOf(root));
    },
    async judge(request) {
      const baselines = await baselinesOf(request.base);
      if (!(baselines instanceof Map)) {
        const { check, fault } = baselines as { check: string; fault: CheckInfra };
        return { state: "failed-infra", reason: `could not be judged (${fault.reason}): baseline of ${check}: ${fault.detail}`, checks: [] };
      }
      const workspace = await runner.workspace(request.base, request.nodeId, request.changes);
      try {
        const judgement = await judgeHypothesis({
          checks: checks.filter((check) => !request.skipChecks?.includes(check.name)),
          baselines,
          run: (check) => runIn(workspace, check),
          sites: { before: request.sitesAtRoot, after: request.sitesLeft },
          diffLines: request.diffLines,
        });
        return toJudged(judgement, checks);
      } finally {
        await workspace.close();
      }
    },
    save: () => JSON.stringify([...kept.values()].flatMap((byCheck) => [...byCheck.values()])),
    restore(saved) {
      for (const value of JSON.parse(saved) as unknown[]) {
        const parsed = CheckBaselineSchema.safeParse(value);
        if (!parsed.success) continue;
        const byCheck = kept.get(parsed.data.checkpointId) ?? new Map<string, CheckBaseline>();
        byCheck.set(parsed.data.check, parsed.data);
        kept.set(parsed.data.checkpointId, byCheck);
      }
    },
  };
}

/** Runs one check in the workspace: a fresh report file, the command, its output parsed. */
async function runIn(workspace: HostWorkspace, check: CheckDefinition): Promise<CheckRun> {
  if (check.reportFile !== undefined) await workspace.removeFile(check.reportFile);
  const result = await workspace.exec(check.command, Math.round(check.timeoutSec * 1000));
  switch (result.status) {
    case "timed-out":
      return { status: "infra", reason: "timed-out", detail: `${check.name} ran over its ${check.timeoutSec} s limit`, durationMs: result.durationMs };
    case "infra":
      return { status: "infra", reason: "sandbox-error", detail: result.detail, durationMs: result.durationMs };
    case "exited": {
      const reportText = check.reportFile === undefined ? undefined : await workspace.readFile(check.reportFile);
      return checkRunFromOutput(
        check,
        { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, stdoutTruncated: result.stdoutTruncated, stderrTruncated: result.stderrTruncated, durationMs: result.durationMs, ...(reportText !== undefined && { reportText }) },
        workspace.dir,
      );
    }
  }
}
