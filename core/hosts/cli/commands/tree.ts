/** `forklift tree [SESSION]`: a session's fork tree as text, or the list of sessions. */
import type { Command } from "commander";
import { sessionActivity } from "../../../engine/index.ts";
import { getTree, listSessions } from "../../../store/index.ts";
import { describeStatus, formatTree, shortId } from "../session/format-tree.ts";
import { resolveSession } from "../session/resolve-ids.ts";
import { cliStoreExists, openCliStore, storePath, withStoreOption } from "../session/store-option.ts";
import { summarize } from "../session/session-summary.ts";

/** Adds `forklift tree` to the program. */
export function registerTreeCommand(program: Command): void {
  withStoreOption(
    program
      .command("tree")
      .description("print a session's tree (states, scores, sites left, votes, pins), or list the sessions when none is given")
      .argument("[session]", "session id (or a unique prefix)"),
  ).action((id: string | undefined, options: { store?: string }) => {
    if (id === undefined && !cliStoreExists(options.store)) {
      process.stdout.write(`no sessions: there is no store at ${storePath(options.store)} yet (forklift run creates it; --store names another)\n`);
      return;
    }
    const store = openCliStore(options.store, "read");
    try {
      if (id === undefined) {
        const sessions = listSessions(store);
        if (sessions.length === 0) process.stdout.write(`no sessions in ${store.path}\n`);
        for (const session of sessions) {
          const summary = summarize(getTree(store, session.id));
          process.stdout.write(`${shortId(session.id)}  ${session.specName}  ${session.repoPath}  ${describeStatus(session.status, sessionActivity(store, session))}  ${summary.nodes} nodes${summary.solutionId ? `  solution ${shortId(summary.solutionId)}` : ""}\n`);
        }
        return;
      }
      const session = resolveSession(store, id);
      process.stdout.write(formatTree(getTree(store, session.id), sessionActivity(store, session)));
    } finally {
      store.close();
    }
  });
}
