import type { Node } from "../../../../shared/domain/node.ts";
import type { Tree } from "../../../../shared/domain/tree.ts";
import { children, rootOf } from "../../../../shared/domain/tree-navigation.ts";
import { describeHolder } from "../../../engine/index.ts";
import type { SessionActivity } from "../../../engine/index.ts";

/** A short id, as every command prints and accepts them. */
export const shortId = (id: string): string => id.slice(0, 8);

/** What produced a node, in a few words. */
export function describeHypothesis(node: Node): string {
  const h = node.hypothesis;
  switch (h.kind) {
    case "root":
      return "root";
    case "recipe":
      return `recipe ${h.ruleId}${h.fixId !== h.ruleId ? `/${h.fixId}` : ""}`;
    case "llm":
      return `llm${node.provenance?.model ? ` ${node.provenance.model}` : ""}${h.hint !== undefined ? " (hint)" : ""}`;
    case "manual":
      return "manual edit";
  }
}

/** One node's facts on one line: state, score, sites, votes, pin, checkpoint, reason. */
export function describeNode(node: Node, solutionIds: ReadonlySet<string>): string {
  const parts: string[] = [node.state];
  if (node.score) parts.push(`score ${round(node.score.value)}`, `sites ${node.score.sitesLeft}`);
  if (node.votes > 1) parts.push(`votes ${node.votes}`);
  if (node.pinned) parts.push("pinned");
  if (solutionIds.has(node.id)) parts.push("SOLUTION");
  const tokens = node.provenance ? node.provenance.tokensIn + node.provenance.tokensOut : 0;
  if (tokens > 0) parts.push(`${tokens} tok`);
  if (node.reason && node.state !== "scored") parts.push(`— ${oneLine(node.reason, 90)}`);
  return parts.join("  ");
}

/** A session's status as the user reads it: whether a live process runs it, or it was interrupted. */
export function describeStatus(status: string, activity: SessionActivity | undefined): string {
  if (activity?.kind === "live") return `${status} (live: ${describeHolder(activity.holder)})`;
  if (activity?.kind === "interrupted") return `interrupted (was ${status}; no process runs it: forklift resume continues it)`;
  return status;
}

/** The session's tree as text: one node per line, children indented under their parent, oldest first. */
export function formatTree(tree: Tree, activity?: SessionActivity): string {
  const s = tree.session;
  const solutions = new Set(
    Object.values(tree.nodes)
      .filter((node) => node.state === "scored" && node.score?.sitesLeft === 0 && node.score.gatesHeld)
      .map((node) => node.id),
  );
  const lines = [`session ${shortId(s.id)}  ${s.specName}  ${s.repoPath}  ${describeStatus(s.status, activity)}${s.reason ? `: ${s.reason}` : ""}`];
  const root = rootOf(tree);
  if (!root) return `${lines[0]}\n(no nodes)\n`;
  const label = (node: Node) => `${shortId(node.id)} ${describeHypothesis(node)}`;
  const width = Math.min(60, Math.max(...Object.values(tree.nodes).map((node) => label(node).length + node.depth * 3)) + 2);
  const walk = (node: Node, prefix: string, connector: string) => {
    const head = `${prefix}${connector}${label(node)}`;
    lines.push(`${head.padEnd(width)}${describeNode(node, solutions)}`);
    const kids = children(tree, node.id);
    const childPrefix = prefix + (connector === "" ? "" : connector === "├─ " ? "│  " : "   ");
    kids.forEach((child, i) => walk(child, childPrefix, i === kids.length - 1 ? "└─ " : "├─ "));
  };
  walk(root, "", "");
  return `${lines.join("\n")}\n`;
}

/** A number with at most two decimals. */
export function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Text on one line, cut to `max` characters. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
