import type { Engine } from "../../../engine/index.ts";
import { getTree } from "../../../store/index.ts";
import type { Store } from "../../../store/index.ts";
import { exitCodeFor, exitCodes } from "../exit-codes.ts";
import { formatTree, shortId } from "./format-tree.ts";
import { ProgressDisplay } from "./progress-display.ts";
import type { ProgressStream } from "./progress-display.ts";
import { formatResultTable } from "./result-table.ts";
import { summarize } from "./session-summary.ts";

/** Options of {@link watchSessions}. */
export interface WatchOptions {
  readonly out: ProgressStream;
  /** Print each session's tree before the result table (the demo does). */
  readonly printTrees?: boolean;
}

/**
 * Shows a progress line per session until every session's run has ended, then the result table;
 * Ctrl-C pauses them (resume later). Returns the exit code: 0 when every session has a
 * solution, 3 when one failed on the infrastructure, else 1.
 */
export async function watchSessions(engine: Engine, store: Store, sessionIds: readonly string[], options: WatchOptions): Promise<number> {
  const display = new ProgressDisplay(options.out);
  const refresh = () => sessionIds.forEach((id) => display.update(getTree(store, id)));
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      refresh();
    }, options.out.isTTY ? 200 : 50);
  };
  const unsubscribe = engine.events.subscribe((event) => {
    if (event.name === "log" && (event.payload.level === "warn" || event.payload.level === "error")) display.note(`${event.payload.level}: ${event.payload.message}`);
    if (event.name !== "log") schedule();
  });
  let interrupted = false;
  const onInterrupt = () => {
    if (interrupted) process.exit(exitCodes.failure);
    interrupted = true;
    options.out.write("\npausing (Ctrl-C again to quit at once)…\n");
    for (const id of sessionIds) void engine.api["session/pause"]({ sessionId: id }).catch(() => undefined);
  };
  process.on("SIGINT", onInterrupt);
  try {
    refresh();
    await Promise.all(sessionIds.map((id) => engine.settled(id)));
  } finally {
    process.off("SIGINT", onInterrupt);
    unsubscribe();
    clearTimeout(timer);
  }
  refresh();
  display.done();
  const trees = sessionIds.map((id) => getTree(store, id));
  let text = "\n";
  if (options.printTrees) text += trees.map((tree) => formatTree(tree)).join("\n") + "\n";
  text += formatResultTable(trees);
  const paused = trees.filter((tree) => tree.session.status === "paused" || tree.session.status === "running");
  if (paused.length > 0) text += `\nresume with: ${paused.map((tree) => `forklift resume ${shortId(tree.session.id)}`).join("; ")}\n`;
  const solved = trees.filter((tree) => summarize(tree).solutionId !== undefined);
  if (solved.length > 0) {
    const first = summarize(solved[0]!).solutionId!;
    text += `\nnext: forklift tree ${shortId(solved[0]!.session.id)} · forklift show ${shortId(first)} · forklift export ${shortId(first)} -o migration.patch · forklift apply ${shortId(first)}\n`;
  }
  options.out.write(text);
  const failures = sessionIds.map((id) => engine.failure(id)).filter((failure) => failure !== undefined);
  for (const failure of failures) process.stderr.write(`forklift: ${failure.message}\n`);
  if (failures.some((failure) => exitCodeFor(failure.code) === exitCodes.infrastructure)) return exitCodes.infrastructure;
  if (failures.some((failure) => exitCodeFor(failure.code) === exitCodes.internal)) return exitCodes.internal;
  return solved.length === trees.length ? exitCodes.ok : exitCodes.failure;
}
