/** `forklift gc`: removes the store's containers and images that no live session needs (`--all-stores`: other stores' too). */
import type { Command } from "commander";
import { collectStoreGarbage } from "../../../engine/index.ts";
import type { GcItem, GcOutcome } from "../../../engine/index.ts";
import { createDockerSandboxDriver } from "../../../sandbox/index.ts";
import { openCliStore, withStoreOption } from "../session/store-option.ts";

/** The options `forklift gc` takes. */
export interface GcCommandOptions {
  keepSession?: string[];
  dryRun?: boolean;
  allStores?: boolean;
  store?: string;
}

/** Adds `forklift gc` to the program. */
export function registerGcCommand(program: Command): void {
  withStoreOption(
    program
      .command("gc")
      .description(
        "remove the containers and images of this store's finished sessions (live ones — preparing, running, paused, or run by a live process — stay); --all-stores also those of other stores whose session is not live there; honours DOCKER_HOST",
      )
      .option("-k, --keep-session <label...>", "session labels whose containers and images stay")
      .option("-n, --dry-run", "only list what would be removed and what stays, with why")
      .option("--all-stores", "also consider other stores' resources (and unlabelled ones): each is kept while its session is live in its own store"),
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
      const outcome = await collectStoreGarbage(store, driver, {
        dryRun: options.dryRun === true,
        allStores: options.allStores === true,
        keepLabels: options.keepSession ?? [],
        labelPrefix: process.env.FORKLIFT_LABEL_PREFIX ?? "",
      });
      return formatGcOutcome(outcome);
    } finally {
      await driver.dispose();
    }
  } finally {
    store.close();
  }
}

/** One line per resource removed (or to remove) and per one kept, then a summary line. */
export function formatGcOutcome(outcome: GcOutcome): string {
  const verb = outcome.dryRun ? "would remove" : "removed";
  const short = (id: string) => id.replace(/^sha256:/, "").slice(0, 12);
  const line = (what: string, item: GcItem) => `${what} ${item.kind} ${short(item.id)}: ${item.reason}`;
  const lines = [
    ...outcome.removed.map((item) => line(verb, item)),
    ...outcome.failed.map((failure) => line("could not remove", failure.item) + ` — ${failure.reason}`),
    ...outcome.kept.map((item) => line("kept", item)),
  ];
  const containers = outcome.removed.filter((item) => item.kind === "container").length;
  const images = outcome.removed.length - containers;
  const others = outcome.kept.filter((item) => item.owner.kind !== "this-store").length;
  let summary = `${verb} ${containers} container(s) and ${images} image(s) of ${outcome.allStores ? "any store" : `the store ${outcome.store.path}`}; kept ${outcome.kept.length}`;
  if (outcome.failed.length > 0) summary += `; ${outcome.failed.length} could not be removed`;
  if (!outcome.allStores && others > 0) summary += ` (${others} of other stores: --all-stores to consider them)`;
  return `${[...lines, summary].join("\n")}\n`;
}
