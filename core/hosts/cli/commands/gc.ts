/** `forklift gc`: removes Forklift's sandbox containers and checkpoint images that no live session of the store needs. */
import type { Command } from "commander";
import { createDockerSandboxDriver, type GcReport } from "../../../sandbox/index.ts";
import { sessionLabel } from "../../../engine/index.ts";
import { getTree, listSessions, updateNode } from "../../../store/index.ts";
import type { Store } from "../../../store/index.ts";
import { openCliStore, withStoreOption } from "../session/store-option.ts";

/** The options `forklift gc` takes. */
export interface GcCommandOptions {
  keepSession?: string[];
  dryRun?: boolean;
  store?: string;
}

/** Sessions whose sandboxes are still wanted: not finished (they may be resumed). */
const liveStatuses = new Set(["preparing", "running", "paused"]);

/** Adds `forklift gc` to the program. */
export function registerGcCommand(program: Command): void {
  withStoreOption(
    program
      .command("gc")
      .description("remove Forklift's containers and images (labelled forklift.session) except those of the store's live sessions (preparing, running, paused) and of --keep-session; honours DOCKER_HOST")
      .option("-k, --keep-session <id...>", "more session labels whose containers and images stay")
      .option("-n, --dry-run", "only list what would be removed"),
  ).action(async (options: GcCommandOptions) => {
    process.stdout.write(await runGc(options));
  });
}

/** Runs the collection and returns the report as text. */
export async function runGc(options: GcCommandOptions): Promise<string> {
  const store = openCliStore(options.store);
  try {
    const prefix = process.env.FORKLIFT_LABEL_PREFIX ?? "";
    const live = listSessions(store).filter((session) => liveStatuses.has(session.status));
    const keep = [...live.map((session) => sessionLabel(prefix, session.id)), ...(options.keepSession ?? [])];
    const driver = await createDockerSandboxDriver();
    try {
      const report = await driver.gc({ sessions: keep }, { dryRun: options.dryRun === true });
      if (options.dryRun !== true) forgetRemovedImages(store, report);
      return `${formatGcReport(report, options.dryRun === true)}${live.length > 0 ? `kept the sandboxes of ${live.length} live session(s)\n` : ""}`;
    } finally {
      await driver.dispose();
    }
  } finally {
    store.close();
  }
}

/** Clears the checkpoint of nodes whose image gc removed: the store never points at what is gone. */
function forgetRemovedImages(store: Store, report: GcReport): void {
  const removed = new Set(report.removedImages.map((id) => id.replace(/^sha256:/, "")));
  if (removed.size === 0) return;
  store.write(() => {
    for (const session of listSessions(store)) {
      for (const node of Object.values(getTree(store, session.id).nodes)) {
        if (node.checkpointImageId && removed.has(node.checkpointImageId.replace(/^sha256:/, ""))) updateNode(store, node.id, { checkpointImageId: null });
      }
    }
  });
}

/** One line per resource, then a summary line. */
export function formatGcReport(report: GcReport, dryRun: boolean): string {
  const verb = dryRun ? "would remove" : "removed";
  const short = (id: string) => id.replace(/^sha256:/, "").slice(0, 12);
  const lines = [
    ...report.removedContainers.map((id) => `${verb} container ${short(id)}`),
    ...report.removedImages.map((id) => `${verb} image ${short(id)}`),
    ...report.failed.map((failure) => `kept ${short(failure.id)}: ${failure.reason}`),
    `${dryRun ? "would remove" : "removed"} ${report.removedContainers.length} container(s) and ${report.removedImages.length} image(s)${report.failed.length ? `; ${report.failed.length} could not be removed` : ""}`,
  ];
  return `${lines.join("\n")}\n`;
}
