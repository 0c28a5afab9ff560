import type { Node } from "../../shared/domain/node.ts";
import type { Session } from "../../shared/domain/session.ts";
import type { Tree } from "../../shared/domain/tree.ts";
import { ancestors, nodeOf } from "../../shared/domain/tree-navigation.ts";

/**
 * The text at the top of an exported patch: what it migrates, from which commit, and for each
 * step from the root to the node who made it (generator, model, tokens, cost) and how it was
 * judged. `git apply` ignores it; a reviewer reads it.
 */
export function provenanceHeader(tree: Tree, nodeId: string): string {
  const node = nodeOf(tree, nodeId);
  const steps = [...ancestors(tree, nodeId)].reverse().filter((step) => step.parentId !== undefined).concat(node);
  const session: Session = tree.session;
  const lines = [
    `Forklift patch: ${session.specName}`,
    `session ${session.id}, node ${node.id}`,
    `repository ${session.repoPath}, base commit ${session.rootCommit}`,
    ...(node.score ? [`score ${node.score.value}, sites left ${node.score.sitesLeft}, gates ${node.score.gatesHeld ? "held" : "failed"}`] : []),
    "",
    ...steps.map((step, i) => `step ${i + 1}: ${describeStep(step)}`),
  ];
  return lines.join("\n");
}

function describeStep(node: Node): string {
  const h = node.hypothesis;
  const what = h.kind === "recipe" ? `recipe ${h.ruleId}/${h.fixId}` : h.kind === "llm" ? `llm${h.hint ? ` (hint: ${h.hint.slice(0, 60)})` : ""}` : h.kind;
  const p = node.provenance;
  const cost = p ? `${p.model ? `, model ${p.model}` : ""}${p.tokensIn + p.tokensOut > 0 ? `, ${p.tokensIn}+${p.tokensOut} tokens, $${p.costUsd.toFixed(4)}` : ""}` : "";
  const checks = node.checks.map((check) => `${check.name} ${check.status}`).join(", ");
  return `${what}${cost}; votes ${node.votes}${checks ? `; ${checks}` : ""} [${node.id.slice(0, 8)}]`;
}
