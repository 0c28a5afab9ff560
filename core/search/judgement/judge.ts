/**
 * The judgement of a hypothesis by its slow checks, relative to its checkpoint's baseline: the
 * interface the search programs against. Both implementations are core/checks + core/score
 * (baselines per checkpoint with flaky detection, re-runs that confirm new test failures, gates,
 * the documented score): checked-judge.ts in Docker forks, host-judge.ts in host directories.
 */
import type { CheckSummary } from "../../../shared/domain/check-summary.ts";
import type { CheckDetail } from "../../../shared/protocol/check-detail.ts";
import type { NodeState } from "../../../shared/domain/node-state.ts";
import type { Score } from "../../../shared/domain/score.ts";
import type { FileChanges } from "../../../shared/file-changes.ts";
import type { CheckpointHandle } from "../runner/runner.ts";

/** One node to judge. */
export interface JudgeRequest {
  /** A checkpoint of the node's parent or another ancestor. */
  readonly base: CheckpointHandle;
  readonly nodeId: string;
  /** What takes `base` to the node's state. */
  readonly changes: FileChanges;
  /** Sites are counted from the root, so that scores compare across depths. */
  readonly sitesAtRoot: number;
  readonly sitesLeft: number;
  /** Lines added plus removed, against the root. */
  readonly diffLines: number;
  /** Checks not to run, by name: the fast tier already answered them (see covered-by-fast-tier.ts). */
  readonly skipChecks?: readonly string[];
}

/** What a node's judgement records: its next state, why, its checks and score. */
export interface JudgedNode {
  readonly state: Extract<NodeState, "scored" | "invalid" | "failed-infra">;
  readonly reason?: string;
  readonly score?: Score;
  readonly checks: readonly CheckSummary[];
  /** Each check in full, for the store (failures by name, captured output). */
  readonly details?: readonly CheckDetail[];
}

/** The root's baselines as the search needs them. */
export interface RootBaseline {
  /** The root's check summaries. */
  readonly summaries: CheckSummary[];
  /** Gates whose baseline run left no report (an unreadable output): they could judge no hypothesis. */
  readonly unreadableGates: readonly { readonly check: string; readonly reason: string }[];
}

/** Judges states by their slow checks. */
export interface Judge {
  /** Measures the baselines at the root checkpoint. */
  baseline(root: CheckpointHandle): Promise<RootBaseline>;
  judge(request: JudgeRequest): Promise<JudgedNode>;
  /** The baselines measured so far, as text to keep with the session (so a resumed run does not measure them again). */
  save(): string;
  /** Takes back what {@link Judge.save} returned, in a new process. */
  restore(saved: string): void;
}
