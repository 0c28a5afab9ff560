/**
 * Generates fork trees shaped like a real beam search, for layout tests and the UI benchmark:
 * each round the best unexpanded scored nodes (3–5 of them, chosen by score with some noise, so
 * the search sometimes backtracks) get 4–8 children each; children are scored, invalid, failed or
 * pruned in realistic proportions, with scores that improve with depth, votes, pins and
 * checkpoints. Deterministic for a seed. `syntheticGrowth` continues such a tree as the engine's
 * `tree/delta` events would: new pending children, then checking, then a verdict.
 */
import type { Node } from "../../../../shared/domain/node.ts";
import type { Session } from "../../../../shared/domain/session.ts";
import type { Tree } from "../../../../shared/domain/tree.ts";
import type { TreeDelta } from "../../../../shared/domain/tree-delta.ts";

/** How big and how bushy a synthetic tree is. */
export interface BeamTreeOptions {
  readonly nodes: number;
  readonly seed?: number;
  readonly beam?: readonly [number, number];
  readonly children?: readonly [number, number];
  readonly sessionId?: string;
}

/** A small deterministic PRNG (mulberry32): the same seed gives the same tree on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Target sites at the root: enough that a deep search is still finding some. */
const rootSites = 400;

const invalidReasons = [
  "edit 1: the SEARCH block matches no place in src/orders/service.ts (closest: lines 40-44)",
  "typecheck: src/cart.ts(12,7): error TS2345: Argument of type 'string' is not assignable to parameter of type 'Level'",
  "gate tests: 3 new failures (first: cart › total rounds to cents)",
  "edit 2: the SEARCH block matches 2 places in src/log.ts (ambiguous)",
];
const infraReasons = ["sandbox start timed out after 60 s", "docker: container exited 137 (out of memory)"];

/** Builds a session's tree of about `options.nodes` nodes (never fewer, at most one expansion more). */
export function syntheticBeamTree(options: BeamTreeOptions): Tree {
  const random = seededRandom(options.seed ?? 1);
  const grower = new BeamGrower(random, options);
  const root = grower.root();
  const nodes: Record<string, Node> = { [root.id]: root };
  let count = 1;
  while (count < options.nodes) {
    const beam = grower.pickBeam();
    if (beam.length === 0) break;
    for (const parent of beam) {
      for (const child of grower.expand(parent)) {
        nodes[child.id] = grower.settle(child);
        count++;
      }
    }
  }
  return { session: grower.session, nodes, seq: count };
}

/** `count` tree deltas continuing a tree as a live search would: children added pending, then checking, then judged. */
export function syntheticGrowth(tree: Tree, count: number, seed = 2): TreeDelta[] {
  const random = seededRandom(seed);
  const grower = new BeamGrower(random, { nodes: 0, sessionId: tree.session.id }, tree);
  const deltas: TreeDelta[] = [];
  let seq = tree.seq;
  const pending: Node[] = [];
  while (deltas.length < count) {
    if (pending.length < 8) {
      for (const parent of grower.pickBeam()) {
        for (const child of grower.expand(parent)) {
          deltas.push({ kind: "node-added", seq: ++seq, node: child });
          pending.push(child);
        }
      }
      continue;
    }
    const node = pending.shift()!;
    const checking: Node = { ...node, state: "checking", updatedAt: node.updatedAt + 1 };
    deltas.push({ kind: "node-updated", seq: ++seq, node: checking });
    deltas.push({ kind: "node-updated", seq: ++seq, node: grower.settle(checking) });
  }
  return deltas.slice(0, count);
}

/** The search's moves over a growing set of nodes. */
class BeamGrower {
  readonly session: Session;
  private readonly byId = new Map<string, Node>();
  /** Scored nodes not expanded yet: what a beam is picked from. */
  private readonly candidates = new Map<string, Node>();
  private readonly expanded = new Set<string>();
  private clock = 1_700_000_000_000;

  constructor(
    private readonly random: () => number,
    private readonly options: BeamTreeOptions,
    tree?: Tree,
  ) {
    this.session = tree?.session ?? {
      id: options.sessionId ?? this.uuid(),
      specName: "console-to-logger",
      specHash: "synthetic",
      repoPath: "/synthetic/repo",
      rootCommit: "0123456789abcdef0123456789abcdef01234567",
      status: "running",
      createdAt: this.clock,
      updatedAt: this.clock,
    };
    if (tree) {
      for (const node of Object.values(tree.nodes)) {
        this.byId.set(node.id, node);
        if (node.parentId !== undefined) this.expanded.add(node.parentId);
        this.clock = Math.max(this.clock, node.createdAt + 1);
      }
      for (const node of this.byId.values()) if (node.state === "scored" && !this.expanded.has(node.id)) this.candidates.set(node.id, node);
    }
  }

  root(): Node {
    const root: Node = {
      ...this.base(undefined, 0),
      hypothesis: { kind: "root" },
      score: { value: 0, sitesLeft: rootSites, gatesHeld: true, parts: { sites: 0 } },
      state: "scored",
      checkpointImageId: `sha256:${this.hex(64)}`,
    };
    this.byId.set(root.id, root);
    this.candidates.set(root.id, root);
    return root;
  }

  /** The next round's beam: the best unexpanded scored nodes by a noisy score. */
  pickBeam(): Node[] {
    const [low, high] = this.options.beam ?? [3, 5];
    const width = low + Math.floor(this.random() * (high - low + 1));
    // a linear top-k rather than a sort: the candidates grow with the tree
    const top: { node: Node; key: number }[] = [];
    for (const node of this.candidates.values()) {
      const key = (node.score?.value ?? 0) + this.random() * 0.08 + (node.pinned ? 10 : 0);
      if (top.length === width && key <= top[width - 1]!.key) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.key < key) at--;
      top.splice(at, 0, { node, key });
      if (top.length > width) top.pop();
    }
    return top.map((entry) => entry.node);
  }

  /** New pending children of a node (4–8 of them). */
  expand(parent: Node): Node[] {
    this.expanded.add(parent.id);
    this.candidates.delete(parent.id);
    const [low, high] = this.options.children ?? [4, 8];
    const count = low + Math.floor(this.random() * (high - low + 1));
    const kids: Node[] = [];
    for (let k = 0; k < count; k++) {
      const kid: Node = { ...this.base(parent.id, parent.depth + 1), state: "pending" };
      this.byId.set(kid.id, kid);
      kids.push(kid);
    }
    return kids;
  }

  /** A node's verdict, replacing its entry. */
  settle(node: Node): Node {
    const parent = node.parentId === undefined ? undefined : this.byId.get(node.parentId);
    const roll = this.random();
    const parentSites = parent?.score?.sitesLeft ?? rootSites;
    let settled: Node;
    if (roll < 0.22) settled = { ...node, state: "invalid", reason: invalidReasons[Math.floor(this.random() * invalidReasons.length)] };
    else if (roll < 0.26) settled = { ...node, state: "failed-infra", reason: infraReasons[Math.floor(this.random() * infraReasons.length)] };
    else if (roll < 0.34) settled = { ...node, state: "pruned", reason: "dropped by the search: below the beam" };
    else {
      const fixed = Math.min(parentSites, Math.floor(this.random() * 8));
      const sitesLeft = parentSites - fixed;
      const value = Math.round((1 - sitesLeft / rootSites - this.random() * 0.05) * 1000) / 1000;
      settled = {
        ...node,
        state: "scored",
        score: { value, sitesLeft, gatesHeld: true, parts: { sites: value, typecheck: 0 } },
        votes: this.random() < 0.15 ? 2 + Math.floor(this.random() * 3) : 1,
        pinned: this.random() < 0.01,
        checkpointImageId: this.random() < 0.3 ? `sha256:${this.hex(64)}` : undefined,
        checks: [
          { name: "typecheck", mode: "gate", status: "passed", newFailures: 0, fixedFailures: 0, baselineFailures: 0, durationMs: 180 },
          { name: "tests", mode: "gate", status: "passed", newFailures: 0, fixedFailures: 1, baselineFailures: 2, durationMs: 2400 },
        ],
      };
    }
    settled = { ...settled, updatedAt: node.updatedAt + 1 };
    this.byId.set(settled.id, settled);
    if (settled.state === "scored" && !this.expanded.has(settled.id)) this.candidates.set(settled.id, settled);
    return settled;
  }

  private base(parentId: string | undefined, depth: number): Node {
    const at = this.clock++;
    const roll = this.random();
    const llm = roll < 0.6;
    return {
      id: this.uuid(),
      sessionId: this.session.id,
      parentId,
      depth,
      changesetHash: this.hex(64),
      hypothesis: llm ? { kind: "llm", editBlocks: "src/log.ts\n<<<<<<< SEARCH\nconsole.log(x)\n=======\nlogger.info(x)\n>>>>>>> REPLACE\n" } : { kind: "recipe", ruleId: "console-log", fixId: "logger-info" },
      provenance:
        parentId === undefined
          ? undefined
          : llm
            ? { generator: "llm", model: "gpt-4.1-mini", tokensIn: 3200, tokensOut: 410, tokensCached: 2900, costUsd: 0.0019, latencyMs: 2100 }
            : { generator: "recipe", tokensIn: 0, tokensOut: 0, tokensCached: 0, costUsd: 0, latencyMs: 35 },
      checks: [],
      votes: 1,
      state: "pending",
      pinned: false,
      createdAt: at,
      updatedAt: at,
    };
  }

  private hex(length: number): string {
    let out = "";
    while (out.length < length) out += Math.floor(this.random() * 0x100000000).toString(16).padStart(8, "0");
    return out.slice(0, length);
  }

  private uuid(): string {
    const h = this.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }
}
