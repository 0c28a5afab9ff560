import type { Tree } from "../../../../shared/domain/tree.ts";
import { rootOf } from "../../../../shared/domain/tree-navigation.ts";

/** A session's state in numbers, for the progress line and the result table. */
export interface SessionSummary {
  readonly status: string;
  readonly nodes: number;
  readonly checking: number;
  readonly depth: number;
  readonly sitesAtRoot: number | undefined;
  readonly sitesLeft: number | undefined;
  readonly solutionId: string | undefined;
  readonly tokens: number;
  readonly usd: number;
}

/** Sums a tree up. The best node is the solution if there is one, else the scored node with fewest sites left. */
export function summarize(tree: Tree): SessionSummary {
  const nodes = Object.values(tree.nodes);
  const scored = nodes.filter((node) => node.state === "scored" && node.score);
  const solutions = scored.filter((node) => node.score!.sitesLeft === 0 && node.score!.gatesHeld);
  // the engine names the solution it chose in the session's reason; prefer it
  const named = /^solution: node (\S+)/.exec(tree.session.reason ?? "")?.[1];
  const solution = solutions.find((node) => node.id === named) ?? solutions.sort((a, b) => b.score!.value - a.score!.value || b.votes - a.votes)[0];
  let tokens = 0;
  let usd = 0;
  for (const node of nodes) {
    tokens += (node.provenance?.tokensIn ?? 0) + (node.provenance?.tokensOut ?? 0);
    usd += node.provenance?.costUsd ?? 0;
  }
  return {
    status: tree.session.status,
    nodes: nodes.length,
    checking: nodes.filter((node) => node.state === "checking" || node.state === "pending").length,
    depth: Math.max(0, ...scored.map((node) => node.depth)),
    sitesAtRoot: rootOf(tree)?.score?.sitesLeft,
    sitesLeft: scored.length > 0 ? Math.min(...scored.map((node) => node.score!.sitesLeft)) : undefined,
    solutionId: solution?.id,
    tokens,
    usd,
  };
}
