/**
 * The beam search of one session: prepare the root (checkpoint and baseline), then depth after
 * depth expand the best nodes into hypotheses, judge them (fast tier, then slow checks in forks),
 * keep the best, checkpoint them as they are expanded, until a solution, a budget, patience,
 * the maximum depth, or the caller stops it. Every state change is written to the store first.
 */
import { setMaxListeners } from "node:events";
import type { Node } from "../../shared/domain/node.ts";
import { ForkliftError } from "../../shared/errors.ts";
import { rootOf } from "../../shared/domain/tree-navigation.ts";
import type { Tree } from "../../shared/domain/tree.ts";
import { getSessionSetting, getTree, setSessionSetting, updateNode } from "../store/index.ts";
import { countSites } from "../targets/index.ts";
import { budgetSpent, spentBy } from "./budget.ts";
import type { Spent } from "./budget.ts";
import { Checkpoints } from "./checkpoints.ts";
import { expandNode } from "./expand-node.ts";
import { isSolution } from "./judgement/judged-node.ts";
import { diagnosticKeys, judgeNode } from "./judge-node.ts";
import type { WarmFastTier } from "./judge-node.ts";
import { nodeSourceFiles } from "./node-files.ts";
import type { CheckpointHandle, FastTierStart } from "./runner/runner.ts";
import type { SearchContext } from "./search-context.ts";
import { compareNodes, isExpanded, selectBeam } from "./select-beam.ts";
import { WarmForks } from "./warm-forks.ts";

/** How a search ended. */
export type SearchOutcome =
  | { readonly kind: "solution"; readonly nodeId: string }
  | { readonly kind: "exhausted"; readonly reason: string }
  | { readonly kind: "paused" }
  | { readonly kind: "stopped" };

/** Why the caller aborts a run: pause (resumable) or stop (for good). */
export type AbortReason = "pause" | "stop";

/** What the search reports as it goes. */
export interface SearchProgress {
  readonly depth: number;
  readonly sitesLeft: number;
  readonly nodesChecking: number;
  readonly spent: Spent;
}

/** Session settings the search keeps. */
export const settingKeys = { baseline: "baseline", wallMs: "wall-ms" } as const;

/** One session's search. */
export class SearchSession {
  readonly checkpoints: Checkpoints;
  private readonly warmForks: WarmForks;
  private fastUnavailable = false;
  private fastAnnounced = false;
  private restored = false;
  /** Nodes no generator had a hypothesis for, in this run. */
  private readonly barren = new Set<string>();
  private runStarted = performance.now();
  private wallBefore = 0;

  constructor(
    private readonly context: SearchContext,
    private readonly onProgress: (progress: SearchProgress) => void = () => {},
  ) {
    this.checkpoints = new Checkpoints(context);
    this.warmForks = new WarmForks(context.runner, context.spec.budgets.sandboxesAtOnce);
  }

  /** Runs until the search ends or `signal` aborts (its reason: "pause" or "stop"). */
  async run(signal: AbortSignal): Promise<SearchOutcome> {
    const { spec, store, sessionId } = this.context;
    this.runStarted = performance.now();
    this.wallBefore = Number(getSessionSetting(store, sessionId, settingKeys.wallMs) ?? 0);
    // the wall-time budget also holds inside a depth: when it is spent no check or expansion
    // starts (what runs finishes), and what was not started stays pending for a resume
    const spent = new AbortController();
    const timer = setTimeout(() => spent.abort("budget"), Math.min(2 ** 31 - 1, Math.max(0, spec.budgets.wallMinutes * 60_000 - this.wallBefore)));
    const work = AbortSignal.any([signal, spent.signal]);
    setMaxListeners(0, work); // every check and LLM call of the run listens to it
    try {
      const { sitesAtRoot } = await this.prepareRoot();
      let best = bestScore(getTree(store, sessionId));
      let stale = 0;
      for (;;) {
        if (signal.aborted) return aborted(signal);
        let tree = getTree(store, sessionId);
        // what was started is finished first: interrupted checks, the user's edits and expansions
        await this.judgePending(tree, sitesAtRoot, work);
        if (signal.aborted) return aborted(signal);
        tree = getTree(store, sessionId);
        const judged = this.finished(tree);
        if (judged) return judged;
        const beam = selectBeam(tree, spec.search.beamWidth, spec.search.maxDepth, this.barren);
        if (beam.length === 0) {
          const atMax = Object.values(tree.nodes).some((node) => node.state === "scored" && node.depth >= spec.search.maxDepth);
          return { kind: "exhausted", reason: atMax ? `maximum depth ${spec.search.maxDepth} reached without a solution` : "no node left to expand: every hypothesis was rejected" };
        }
        this.report(tree);
        await Promise.all(beam.map((node) => this.expandAndJudge(node, sitesAtRoot, work)));
        this.saveWallTime();
        if (signal.aborted) return aborted(signal);
        tree = getTree(store, sessionId);
        this.report(tree);
        const now = bestScore(tree);
        if (now > best) {
          best = now;
          stale = 0;
        } else if (++stale >= spec.search.patienceDepths) {
          return this.finished(tree) ?? { kind: "exhausted", reason: `no better score for ${spec.search.patienceDepths} depths` };
        }
      }
    } finally {
      clearTimeout(timer);
      this.saveWallTime();
      await this.context.runner.cool(); // no warm sandbox outlives the run (paused, finished or failed)
    }
  }

  /** Expands one node now (the user's `node/expand`): records the children and judges them. */
  async expandNow(nodeId: string, options: { hint?: string; count?: number; generators: SearchContext["generators"]; signal: AbortSignal }): Promise<{ children: Node[]; judged: Promise<void> }> {
    const { sitesAtRoot } = await this.prepareRoot();
    const children = await expandNode(this.context, nodeId, options);
    return { children, judged: this.judgeChildren(nodeId, children, sitesAtRoot, options.signal) };
  }

  /** Judges the session's pending nodes (manual edits, expansions, interrupted checks). */
  async judgePendingNow(signal: AbortSignal): Promise<void> {
    const { sitesAtRoot } = await this.prepareRoot();
    await this.judgePending(getTree(this.context.store, this.context.sessionId), sitesAtRoot, signal);
  }

  /** What has been spent so far, this run's time included. */
  spent(tree: Tree): Spent {
    return spentBy(tree, this.wallBefore + (performance.now() - this.runStarted));
  }

  /** The root's checkpoint and baseline, made once per session (and again only if lost). */
  private async prepareRoot(): Promise<{ sitesAtRoot: number }> {
    const { store, sessionId, judge } = this.context;
    const tree = getTree(store, sessionId);
    const root = rootOf(tree);
    if (!root) throw new Error(`session ${sessionId} has no root node`);
    const stored = getSessionSetting(store, sessionId, settingKeys.baseline);
    if (root.state === "scored" && root.score && stored !== undefined) {
      if (!this.restored) judge.restore(stored);
      this.restored = true;
      return { sitesAtRoot: root.score.sitesLeft };
    }
    const handle = await this.checkpoints.nearest(root.id);
    if (root.state !== "checking") updateNode(store, root.id, { state: "checking", reason: "running the checks at the root: the baseline" });
    this.context.changed();
    const sitesAtRoot = countSites(this.context.spec.targets, await nodeSourceFiles(store, this.context.snapshot, root.id));
    const { summaries, unreadableGates } = await this.context.sandboxes.run(() => judge.baseline(handle));
    this.restored = true;
    this.saveBaselines();
    updateNode(store, root.id, { state: "scored", checks: summaries, score: { value: 0, sitesLeft: sitesAtRoot, gatesHeld: true, parts: { sites: 0 } } });
    this.context.changed();
    const unreadable = unreadableGates[0];
    if (unreadable) {
      // a gate that cannot read its own output would let every hypothesis through, or none: stop here
      throw new ForkliftError(
        "invalid-spec",
        `check ${unreadable.check}: its run at the root left no report (${unreadable.reason}): fix its command or parser in the spec (for tsc: --pretty false, and a command that prints tsc's own output), then start a new session`,
      );
    }
    this.context.log("info", `baseline: ${sitesAtRoot} site(s) to migrate; ${summaries.map((s) => `${s.name} ${s.baselineFailures} failing`).join(", ") || "no checks"}`, root.id);
    return { sitesAtRoot };
  }

  private async expandAndJudge(node: Node, sitesAtRoot: number, signal: AbortSignal): Promise<void> {
    const budget = budgetSpent(this.spent(getTree(this.context.store, this.context.sessionId)), this.context.spec.budgets);
    if (budget) return;
    // the node's checkpoint and warm type-checker get ready while the generators work
    const judging = this.prepareJudging(node.id);
    judging.catch(() => undefined); // observed below; an early failure must not go unhandled meanwhile
    let children: Node[];
    try {
      children = await expandNode(this.context, node.id, { generators: this.context.generators, signal });
    } catch (error) {
      await judging.then((ready) => ready.fast?.tier.close()).catch(() => undefined);
      throw error;
    }
    if (children.length === 0) {
      await judging.then((ready) => ready.fast?.tier.close()).catch(() => undefined);
      // nothing recorded at all (no generator had a hypothesis here): never pick it again in this run
      if (!signal.aborted && !isExpanded(getTree(this.context.store, this.context.sessionId), node.id)) this.barren.add(node.id);
      this.context.log("info", "no hypothesis to check from this node", node.id);
      return;
    }
    await this.judgeWith(await judging, children, sitesAtRoot, signal);
  }

  private async judgeChildren(parentId: string, children: readonly Node[], sitesAtRoot: number, signal: AbortSignal): Promise<void> {
    if (children.length === 0) return;
    await this.judgeWith(await this.prepareJudging(parentId), children, sitesAtRoot, signal);
  }

  /** The checkpoint of the node whose children are judged, and its warm type-checker when there is one. */
  private async prepareJudging(parentId: string): Promise<{ base: CheckpointHandle; fast: WarmFastTier | undefined }> {
    const base = await this.checkpoints.ensure(parentId);
    return { base, fast: await this.warmFastTier(base) };
  }

  private async judgeWith(ready: { base: CheckpointHandle; fast: WarmFastTier | undefined }, children: readonly Node[], sitesAtRoot: number, signal: AbortSignal): Promise<void> {
    const { base, fast } = ready;
    this.warmForks.started(base, children.length); // every child's slow checks fork `base`
    try {
      await Promise.all(
        children.map(async (child) => {
          let forked = false;
          const onFork = () => {
            forked = true;
            this.warmForks.forking(base);
          };
          try {
            if (signal.aborted) return;
            await judgeNode(this.context, { node: child, base, sitesAtRoot, onFork, signal, ...(fast && { fast }) });
          } finally {
            this.warmForks.judged(base, forked);
          }
        }),
      );
    } finally {
      await fast?.tier.close();
      this.saveBaselines();
    }
  }

  /** Keeps the baselines measured so far with the session, so a resumed run does not measure them again. */
  private saveBaselines(): void {
    setSessionSetting(this.context.store, this.context.sessionId, settingKeys.baseline, this.context.judge.save());
  }

  private async judgePending(tree: Tree, sitesAtRoot: number, signal: AbortSignal): Promise<void> {
    const pending = Object.values(tree.nodes).filter((node) => node.state === "pending" && node.parentId !== undefined);
    await Promise.all(
      pending.map(async (node) => {
        if (signal.aborted) return;
        const base = await this.checkpoints.nearest(node.parentId!);
        await judgeNode(this.context, { node, base, sitesAtRoot, signal });
      }),
    );
  }

  private async warmFastTier(base: CheckpointHandle): Promise<WarmFastTier | undefined> {
    if (!this.context.fastTier || this.fastUnavailable) return undefined;
    const started = await this.context.runner
      .fastTier(base)
      .catch((error: unknown): FastTierStart => ({ kind: "unavailable", reason: error instanceof Error ? error.message : String(error) }));
    if (started.kind === "unavailable") {
      // said once per session, at warn so the CLI prints it: every hypothesis now costs a fork
      this.fastUnavailable = true;
      this.context.log("warn", `fast tier unavailable: ${started.reason}; slow checks judge every hypothesis`);
      return undefined;
    }
    const { tier, hello } = started;
    if (!this.fastAnnounced) {
      this.fastAnnounced = true;
      this.context.log("info", `fast tier ready: the repository's TypeScript ${hello.typescript}, ${hello.rootFiles} files of ${hello.tsconfig}, baseline in ${hello.baselineMs} ms`);
    }
    const result = await tier.checker.baseline();
    if (result.status !== "checked") {
      await tier.close();
      return undefined;
    }
    return { tier, baseline: diagnosticKeys(result.diagnostics) };
  }

  private finished(tree: Tree): SearchOutcome | undefined {
    const solutions = Object.values(tree.nodes).filter((node) => node.state === "scored" && isSolution(node.score));
    if (solutions.length > 0) return { kind: "solution", nodeId: solutions.sort(compareNodes(tree))[0]!.id };
    const budget = budgetSpent(this.spent(tree), this.context.spec.budgets);
    return budget ? { kind: "exhausted", reason: budget } : undefined;
  }

  private report(tree: Tree): void {
    const nodes = Object.values(tree.nodes);
    const scored = nodes.filter((node) => node.state === "scored" && node.score);
    this.onProgress({
      depth: Math.max(0, ...scored.map((node) => node.depth)),
      sitesLeft: scored.length > 0 ? Math.min(...scored.map((node) => node.score!.sitesLeft)) : 0,
      nodesChecking: nodes.filter((node) => node.state === "checking" || node.state === "pending").length,
      spent: this.spent(tree),
    });
  }

  private saveWallTime(): void {
    const total = Math.round(this.wallBefore + (performance.now() - this.runStarted));
    setSessionSetting(this.context.store, this.context.sessionId, settingKeys.wallMs, String(total));
    this.wallBefore = total;
    this.runStarted = performance.now();
  }
}

function bestScore(tree: Tree): number {
  return Math.max(-Infinity, ...Object.values(tree.nodes).filter((node) => node.state === "scored" && node.score).map((node) => node.score!.value));
}

function aborted(signal: AbortSignal): SearchOutcome {
  return signal.reason === "stop" ? { kind: "stopped" } : { kind: "paused" };
}
