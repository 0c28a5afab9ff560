import path from "node:path";
import type { Tree } from "../../../../shared/domain/tree.ts";
import { shortId } from "./format-tree.ts";
import { summarize } from "./session-summary.ts";

/** Where progress goes: a terminal (lines redrawn in place) or anything else (plain lines). */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * One progress line per repository. On a TTY the lines are redrawn in place (cursor up, clear
 * line); otherwise a line is printed only when it says something new (depth, sites, status).
 */
export class ProgressDisplay {
  private readonly order: string[] = [];
  private readonly lines = new Map<string, string>();
  private readonly printedKeys = new Map<string, string>();
  private drawn = 0;
  private readonly started = Date.now();

  constructor(private readonly stream: ProgressStream) {}

  /** Updates a session's line from its tree. */
  update(tree: Tree): void {
    const id = tree.session.id;
    if (!this.lines.has(id)) this.order.push(id);
    const summary = summarize(tree);
    const sites = summary.sitesAtRoot === undefined ? "sites ?" : `sites ${summary.sitesAtRoot}→${summary.sitesLeft ?? summary.sitesAtRoot}`;
    const seconds = Math.round((Date.now() - this.started) / 1000);
    const status = summary.solutionId && summary.status !== "running" ? "solved" : summary.status;
    const line = `${path.basename(tree.session.repoPath)} [${shortId(id)}]  ${status}  depth ${summary.depth}  ${sites}  nodes ${summary.nodes}  checking ${summary.checking}  tokens ${summary.tokens}  $${summary.usd.toFixed(4)}  ${seconds}s`;
    this.lines.set(id, line);
    if (this.stream.isTTY) return this.redraw();
    const key = `${status}|${summary.depth}|${sites}`;
    if (this.printedKeys.get(id) !== key) {
      this.printedKeys.set(id, key);
      this.stream.write(`${line}\n`);
    }
  }

  /** Prints a line (a warning) above the progress lines, which are drawn again below it on a terminal. */
  note(text: string): void {
    if (!this.stream.isTTY || this.drawn === 0) {
      this.stream.write(`${text}\n`);
      return;
    }
    this.stream.write(`\x1b[${this.drawn}A\r\x1b[J${text}\n`);
    this.drawn = 0;
    this.redraw();
  }

  /** Leaves the lines as they are and moves below them, before other output. */
  done(): void {
    this.drawn = 0;
  }

  private redraw(): void {
    let out = this.drawn > 0 ? `\x1b[${this.drawn}A` : "";
    for (const id of this.order) out += `\r\x1b[2K${this.lines.get(id) ?? ""}\n`;
    this.drawn = this.order.length;
    this.stream.write(out);
  }
}
