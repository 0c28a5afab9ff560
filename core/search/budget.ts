import type { Tree } from "../../shared/domain/tree.ts";
import type { BudgetsSpec } from "../spec/search-schema.ts";

/** What a session has spent. */
export interface Spent {
  tokens: number;
  usd: number;
  wallMs: number;
}

/** Tokens and money spent on the tree's hypotheses (from their provenance), with the wall time given. */
export function spentBy(tree: Tree, wallMs: number): Spent {
  let tokens = 0;
  let usd = 0;
  for (const node of Object.values(tree.nodes)) {
    if (!node.provenance) continue;
    tokens += node.provenance.tokensIn + node.provenance.tokensOut;
    usd += node.provenance.costUsd;
  }
  return { tokens, usd, wallMs };
}

/** The first budget spent, named for the user, or undefined. A token budget of 0 only means "never call the model". */
export function budgetSpent(spent: Spent, budgets: BudgetsSpec): string | undefined {
  if (budgets.tokens > 0 && spent.tokens >= budgets.tokens) return `token budget spent (${spent.tokens} of ${budgets.tokens})`;
  if (spent.usd >= budgets.usd && budgets.usd >= 0 && spent.usd > 0) return `money budget spent ($${spent.usd.toFixed(4)} of $${budgets.usd})`;
  if (spent.wallMs >= budgets.wallMinutes * 60_000) return `time budget spent (${(spent.wallMs / 60_000).toFixed(1)} of ${budgets.wallMinutes} min)`;
  return undefined;
}
