/** `forklift show NODE`: a node's hypothesis, provenance, checks (failures by name, captured output), and its diff. */
import type { Command } from "commander";
import type { Node } from "../../../../shared/domain/node.ts";
import type { CheckDetail } from "../../../../shared/protocol/check-detail.ts";
import { ForkliftError } from "../../../../shared/errors.ts";
import { withEngine } from "../session/cli-engine.ts";
import { describeHypothesis, round, shortId } from "../session/format-tree.ts";
import { resolveNode } from "../session/resolve-ids.ts";
import { withStoreOption } from "../session/store-option.ts";

/** Adds `forklift show` to the program. */
export function registerShowCommand(program: Command): void {
  withStoreOption(
    program
      .command("show")
      .description("show a node: what produced it (edit blocks, rule, model, tokens, cost), its checks and score, and its diff")
      .argument("<node>", "node id (or a unique prefix)")
      .option("--against <base>", "diff against the parent (default) or the root commit", "parent")
      .option("--output", "print each check's whole captured output (default: its last lines)"),
  ).action(async (id: string, options: { store?: string; against: string; output?: boolean }) => {
    if (options.against !== "parent" && options.against !== "root") throw new ForkliftError("invalid-input", "--against must be parent or root");
    const against = options.against;
    await withEngine(options, async (engine, store) => {
      const node = resolveNode(store, id);
      const diff = await engine.api["node/diff"]({ nodeId: node.id, against });
      const { checks } = await engine.api["node/checks"]({ nodeId: node.id });
      const outputs = describeCheckOutputs(checks, options.output === true ? Infinity : shownOutputLines);
      process.stdout.write(`${describe(node)}\n${outputs}\n${diff.patch || "(no changes)\n"}`);
    }, "read");
  });
}

/** Lines of a check's output shown without --output: its end, where failures and summaries are. */
const shownOutputLines = 30;

/** Each check's new and fixed failures by name and its captured output (its last `lines` lines), as text. */
export function describeCheckOutputs(checks: readonly CheckDetail[], lines: number): string {
  const parts: string[] = [];
  for (const check of checks) {
    const { name } = check.summary;
    if (check.newFailures.length > 0) parts.push(`${name}: new failures`, ...check.newFailures.map((failure) => `  ${failure}`));
    if (check.fixedFailures.length > 0) parts.push(`${name}: fixed`, ...check.fixedFailures.map((failure) => `  ${failure}`));
    if (check.output === undefined) continue;
    const all = check.output.replace(/\n$/, "").split("\n");
    const shown = all.length > lines ? all.slice(-lines) : all;
    const how = [check.command && `$ ${check.command}`, check.exitCode !== undefined && `exit ${check.exitCode}`, check.outputTruncated && "cut: its head and tail kept"].filter(Boolean).join(", ");
    parts.push(`${name}: output${how ? ` (${how})` : ""}${shown.length < all.length ? `, last ${shown.length} of ${all.length} lines (--output for all)` : ""}`, ...shown.map((line) => `  | ${line}`));
  }
  return parts.length > 0 ? `\n${parts.join("\n")}\n` : "";
}

/** The node's facts as text, before its diff. */
export function describe(node: Node): string {
  const lines = [
    `node ${node.id}`,
    `session ${node.sessionId}${node.parentId ? `, parent ${shortId(node.parentId)}` : ""}, depth ${node.depth}`,
    `state ${node.state}${node.reason ? `: ${node.reason}` : ""}`,
    `hypothesis ${describeHypothesis(node)}, votes ${node.votes}${node.pinned ? ", pinned" : ""}${node.checkpointImageId ? `, checkpoint ${node.checkpointImageId.replace(/^sha256:/, "").slice(0, 12)}` : ""}`,
  ];
  if (node.score) lines.push(`score ${round(node.score.value)} (${Object.entries(node.score.parts).map(([k, v]) => `${k} ${round(v)}`).join(", ")}), sites left ${node.score.sitesLeft}, gates ${node.score.gatesHeld ? "held" : "failed"}`);
  const p = node.provenance;
  if (p) lines.push(`provenance ${p.generator}${p.model ? ` ${p.model}` : ""}, tokens ${p.tokensIn} in (${p.tokensCached} cached) + ${p.tokensOut} out, $${p.costUsd.toFixed(4)}, ${Math.round(p.latencyMs)} ms${p.promptHash ? `, prompt ${p.promptHash.slice(0, 12)}` : ""}`);
  if (node.checks.length > 0) {
    lines.push("checks:");
    for (const check of node.checks) {
      lines.push(`  ${check.name.padEnd(16)} ${check.mode.padEnd(5)} ${check.status.padEnd(7)} new ${check.newFailures}, fixed ${check.fixedFailures}, at baseline ${check.baselineFailures}, ${Math.round(check.durationMs)} ms${check.detail ? ` — ${check.detail}` : ""}`);
    }
  }
  const h = node.hypothesis;
  if ((h.kind === "llm" || h.kind === "manual") && h.editBlocks) lines.push("edit blocks:", ...h.editBlocks.split("\n").map((line) => `  ${line}`));
  if (h.kind === "llm" && h.hint) lines.push(`hint: ${h.hint}`);
  return lines.join("\n");
}
