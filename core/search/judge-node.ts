import type { CheckSummary } from "../../shared/domain/check-summary.ts";
import type { Node } from "../../shared/domain/node.ts";
import { ForkliftError } from "../../shared/errors.ts";
import type { FastCheckDiagnostic } from "../fastcheck/index.ts";
import type { CheckDetail } from "../../shared/protocol/check-detail.ts";
import { getChangeset, getNode, setCheckDetails, updateNode } from "../store/index.ts";
import { countSites, languageForPath } from "../targets/index.ts";
import { computeScore } from "../score/index.ts";
import { changesSince, nodeFileLookup, nodeSourceFiles } from "./node-files.ts";
import { createPatch } from "../patches/index.ts";
import { getAccumulatedChanges } from "../store/index.ts";
import type { CheckpointHandle, FastTier } from "./runner/runner.ts";
import type { SearchContext } from "./search-context.ts";
import { coveredByFastTier } from "./covered-by-fast-tier.ts";

/** The fast tier of one checkpoint, with the diagnostics its unchanged state already has. */
export interface WarmFastTier {
  readonly tier: FastTier;
  /** Keys of the baseline's errors (file, code and message: line numbers move). */
  readonly baseline: ReadonlyMap<string, number>;
}

/** What judging a node needs besides the context. */
export interface JudgeInput {
  readonly node: Node;
  /** A checkpoint of the node's parent or another ancestor. */
  readonly base: CheckpointHandle;
  readonly sitesAtRoot: number;
  readonly fast?: WarmFastTier;
  /** Called when the slow checks are about to fork `base` (the warm pool sizes itself by it). */
  readonly onFork?: () => void;
  /** Aborted (a budget spent, a pause): a node still waiting for a sandbox goes back to pending instead of starting. */
  readonly signal?: AbortSignal;
}

/** The name a fast-tier result is recorded under (spec check names cannot contain ':'). */
export const fastCheckName = "typecheck:fast";

/**
 * Judges one pending node: sites left, then the fast tier (a new type error makes it invalid
 * without a container), then the slow checks in a fork, then the verdict. Every step is recorded
 * before the next; a sandbox that cannot be reached sends the node back to pending and rethrows.
 */
export async function judgeNode(context: SearchContext, input: JudgeInput): Promise<Node> {
  const { store } = context;
  const { node, base } = input;
  updateNode(store, node.id, { state: "checking" });
  context.changed();
  try {
    const sitesLeft = await sitesOf(context, node);
    const changes = changesSince(store, base.nodeId, node.id);
    const diffLines = changedLines(await nodeDiffAgainstRoot(context, node.id));
    const checks: CheckSummary[] = [];
    if (input.fast) {
      const started = performance.now();
      const result = await input.fast.tier.checker.check(changes);
      const durationMs = Math.round(performance.now() - started);
      if (result.status === "checked") {
        const fresh = newErrors(result.diagnostics, input.fast.baseline);
        const summary: CheckSummary = {
          name: fastCheckName,
          mode: "gate",
          status: fresh.length > 0 ? "failed" : "passed",
          newFailures: fresh.length,
          fixedFailures: 0,
          baselineFailures: result.diagnostics.filter((d) => d.category === "error").length - fresh.length,
          durationMs,
          ...(fresh[0] && { detail: describeDiagnostic(fresh[0]) }),
        };
        if (fresh.length > 0) {
          // wrong without a container: scored like core/score scores a failed gate, for the tree
          const score = computeScore({ summaries: [summary], checkWeights: new Map(), sites: { before: input.sitesAtRoot, after: sitesLeft }, diffLines });
          const reason = `gate ${fastCheckName}: ${fresh.length} new type error${fresh.length === 1 ? "" : "s"} — ${summary.detail ?? ""}`;
          const detail: CheckDetail = { summary, newFailures: fresh.slice(0, 200).map(describeDiagnostic), fixedFailures: [], outputTruncated: false };
          return record(context, node.id, "invalid", reason, [summary], score, [detail]);
        }
        checks.push(summary, ...coveredSummaries(context));
      } else if (result.status === "infra") {
        context.log("warn", `fast tier could not judge: ${result.detail}; slow checks decide`, node.id);
      }
    }
    const skipChecks = checks.filter((check) => check.status === "skipped").map((check) => check.name);
    if (skipChecks.length > 0 && skipChecks.length === context.spec.checks.length) {
      // every check was answered by the fast tier: no fork needed
      const score = computeScore({ summaries: checks, checkWeights: new Map(), sites: { before: input.sitesAtRoot, after: sitesLeft }, diffLines });
      return record(context, node.id, "scored", undefined, checks, score);
    }
    const judged = await context.sandboxes.run(async () => {
      if (input.signal?.aborted) return undefined;
      input.onFork?.();
      return context.judge.judge({ base, nodeId: node.id, changes, sitesAtRoot: input.sitesAtRoot, sitesLeft, diffLines, skipChecks });
    });
    if (!judged) {
      const current = updateNode(store, node.id, { state: "pending", reason: "not judged yet: the run stopped (a budget was spent, or a pause) before its checks started" });
      context.changed();
      return current;
    }
    return record(context, node.id, judged.state, judged.reason, [...checks, ...judged.checks], judged.score, judged.details);
  } catch (error) {
    if (isUnreachable(error)) {
      updateNode(store, node.id, { state: "pending", reason: "interrupted: the sandbox could not be reached" });
      context.changed();
      throw error;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.log("warn", `node could not be checked: ${message}`, node.id);
    return record(context, node.id, "failed-infra", `could not be checked: ${message}`, [], undefined);
  }
}

/** Summaries for the spec's checks the fast tier answered (they are not run again in a fork). */
function coveredSummaries(context: SearchContext): CheckSummary[] {
  return context.spec.checks.filter(coveredByFastTier).map((check) => ({
    name: check.name,
    mode: check.mode,
    status: "skipped",
    newFailures: 0,
    fixedFailures: 0,
    baselineFailures: 0,
    durationMs: 0,
    detail: `answered by ${fastCheckName} (the same diagnostics as tsc --noEmit)`,
  }));
}

/** Records a node's verdict, and every check in full (a check without details gets its summary alone). */
function record(context: SearchContext, nodeId: string, state: Node["state"], reason: string | undefined, checks: CheckSummary[], score: Node["score"], details: readonly CheckDetail[] = []): Node {
  const current = getNode(context.store, nodeId);
  if (current?.state === "pruned") return current; // pruned by the user while it was checked
  const node = context.store.write(() => {
    const updated = updateNode(context.store, nodeId, { state, ...(reason !== undefined && { reason }), checks, ...(score && { score }) });
    const full = checks.map((summary) => details.find((detail) => detail.summary.name === summary.name) ?? { summary, newFailures: [], fixedFailures: [], outputTruncated: false });
    setCheckDetails(context.store, nodeId, full);
    return updated;
  });
  context.changed();
  return node;
}

/** Counts the error diagnostics of a state by key, for comparison with another state's. */
export function diagnosticKeys(diagnostics: readonly FastCheckDiagnostic[]): Map<string, number> {
  const keys = new Map<string, number>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.category !== "error") continue;
    const key = `${diagnostic.file ?? ""}|${diagnostic.code}|${diagnostic.message}`;
    keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  return keys;
}

function newErrors(diagnostics: readonly FastCheckDiagnostic[], baseline: ReadonlyMap<string, number>): FastCheckDiagnostic[] {
  const left = new Map(baseline);
  return diagnostics.filter((diagnostic) => {
    if (diagnostic.category !== "error") return false;
    const key = `${diagnostic.file ?? ""}|${diagnostic.code}|${diagnostic.message}`;
    const count = left.get(key) ?? 0;
    if (count > 0) {
      left.set(key, count - 1);
      return false;
    }
    return true;
  });
}

function describeDiagnostic(diagnostic: FastCheckDiagnostic): string {
  const where = diagnostic.file ? `${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}` : ""}: ` : "";
  return `${where}TS${diagnostic.code} ${diagnostic.message.split("\n")[0]}`;
}

/** True for errors that mean the sandbox machinery is gone (no point judging further). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof ForkliftError && (error.code === "docker-not-running" || error.code === "docker-not-installed" || error.code === "docker-permission-denied");
}

/** The node's accumulated changes against the root commit, as a patch (to count its lines). */
async function nodeDiffAgainstRoot(context: SearchContext, nodeId: string): Promise<string> {
  const changes = getAccumulatedChanges(context.store, nodeId);
  const before: Record<string, string> = {};
  const after: Record<string, string> = {};
  const readAfter = nodeFileLookup(context.store, context.snapshot, nodeId);
  for (const path of Object.keys(changes)) {
    const old = await context.snapshot.read(path);
    const next = await readAfter(path);
    if (old !== undefined) before[path] = old;
    if (next !== undefined) after[path] = next;
  }
  return createPatch(before, after, { renames: false, context: 0 });
}

/** Lines added plus removed in a patch. */
function changedLines(patch: string): number {
  return patch.split("\n").filter((line) => (line.startsWith("+") || line.startsWith("-")) && !line.startsWith("+++ ") && !line.startsWith("--- ")).length;
}

/**
 * Target sites left in a node: its parent's count corrected by the files the node changes (only
 * they can differ), so judging does not parse the whole repository; a full count when the parent
 * has none.
 */
async function sitesOf(context: SearchContext, node: Node): Promise<number> {
  const { store, snapshot, spec } = context;
  const parent = node.parentId === undefined ? undefined : getNode(store, node.parentId);
  if (!parent?.score) return countSites(spec.targets, await nodeSourceFiles(store, snapshot, node.id));
  const readBefore = nodeFileLookup(store, snapshot, parent.id);
  const before: Record<string, string> = {};
  const after: Record<string, string> = {};
  for (const [path, content] of Object.entries(getChangeset(store, node.id))) {
    if (languageForPath(path) === undefined) continue;
    const old = await readBefore(path);
    if (old !== undefined) before[path] = old;
    if (content !== null) after[path] = content;
  }
  return Math.max(0, parent.score.sitesLeft - countSites(spec.targets, before) + countSites(spec.targets, after));
}
