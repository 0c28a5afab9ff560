/** `forklift gc`: removes Forklift's sandbox containers and checkpoint images that no live session of the store needs. */
import type { Command } from "commander";
import { createDockerSandboxDriver, type GcReport } from "../../../sandbox/index.ts";
import { collectStoreGarbage } from "../../../engine/index.ts";
import { openCliStore, withStoreOption } from "../session/store-option.ts";

/** The options `forklift gc` takes. */
export interface GcCommandOptions {
  keepSession?: string[];
  dryRun?: boolean;
  store?: string;
}

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
    const driver = await createDockerSandboxDriver();
    try {
      const dryRun = options.dryRun === true;
      const { report, live } = await collectStoreGarbage(store, driver, { dryRun, labelPrefix: process.env.FORKLIFT_LABEL_PREFIX ?? "", keepLabels: options.keepSession ?? [] });
      return `${formatGcReport(report, dryRun)}${live.length > 0 ? `kept the sandboxes of ${live.length} live session(s)\n` : ""}`;
    } finally {
      await driver.dispose();
    }
  } finally {
    store.close();
  }
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
