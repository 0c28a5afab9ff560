import path from "node:path";
import type { Tree } from "../../../../shared/domain/tree.ts";
import { shortId } from "./format-tree.ts";
import { summarize } from "./session-summary.ts";

/** The table printed when a run ends: one row per repository. */
export function formatResultTable(trees: readonly Tree[]): string {
  const header = ["REPOSITORY", "SESSION", "STATUS", "RESULT", "SITES", "DEPTH", "NODES", "TOKENS", "COST"];
  const rows = trees.map((tree) => {
    const summary = summarize(tree);
    const result = summary.solutionId ? `solution ${shortId(summary.solutionId)}` : "no solution";
    return [
      path.basename(tree.session.repoPath),
      shortId(tree.session.id),
      tree.session.status,
      result,
      `${summary.sitesAtRoot ?? "?"}→${summary.sitesLeft ?? "?"}`,
      String(summary.depth),
      String(summary.nodes),
      String(summary.tokens),
      `$${summary.usd.toFixed(4)}`,
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const render = (row: readonly string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd();
  const notes = trees.filter((tree) => tree.session.reason).map((tree) => `${shortId(tree.session.id)}: ${tree.session.reason}`);
  return `${[render(header), ...rows.map(render)].join("\n")}\n${notes.length > 0 ? `\n${notes.join("\n")}\n` : ""}`;
}
