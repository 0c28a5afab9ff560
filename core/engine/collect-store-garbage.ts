/**
 * The one garbage collection of sandboxes (the CLI's `forklift gc` and the studio's `sandbox/gc`):
 * keeps the containers and images of the store's live sessions and removes the other
 * Forklift-labelled ones under the engine's label prefix, then forgets removed checkpoints in
 * the store so it never points at what is gone.
 */
import type { Session } from "../../shared/domain/session.ts";
import type { GcReport, SandboxDriver, SandboxInventory } from "../sandbox/index.ts";
import { getTree, listSessions, updateNode } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { sessionLabel } from "./session-runtime.ts";

/** Session statuses whose sandboxes are still wanted: not finished, so they may be resumed. */
export const liveStatuses: ReadonlySet<Session["status"]> = new Set(["preparing", "running", "paused"]);

/** Options of {@link collectStoreGarbage}. */
export interface StoreGcOptions {
  readonly dryRun: boolean;
  /** Only resources whose session label starts with it are considered ("" = every Forklift resource on the daemon). */
  readonly labelPrefix: string;
  /** More session labels whose resources stay (e.g. `--keep-session`). */
  readonly keepLabels?: readonly string[];
  /** More session ids of this store whose resources stay (e.g. sessions the engine is working on now). */
  readonly keepSessions?: readonly string[];
}

/** What a collection did (or would do). */
export interface StoreGcResult {
  readonly report: GcReport;
  /** The store's live sessions, whose resources were kept. */
  readonly live: readonly Session[];
  /** What was on the daemon before the collection (for sizes and labels). */
  readonly before: SandboxInventory;
}

/** Collects the garbage of `store` on `driver`'s daemon. */
export async function collectStoreGarbage(store: Store, driver: SandboxDriver, options: StoreGcOptions): Promise<StoreGcResult> {
  const { labelPrefix } = options;
  const live = listSessions(store).filter((session) => liveStatuses.has(session.status));
  const keep = [...live.map((session) => session.id), ...(options.keepSessions ?? [])].map((id) => sessionLabel(labelPrefix, id));
  const before = await driver.inventory();
  const scope = labelPrefix === "" ? undefined : [...new Set([...before.containers, ...before.images].map((resource) => resource.session).filter((label) => label.startsWith(labelPrefix)))];
  const report = await driver.gc({ sessions: [...keep, ...(options.keepLabels ?? [])] }, { dryRun: options.dryRun, ...(scope && { onlySessions: scope }) });
  if (!options.dryRun) forgetRemovedImages(store, report);
  return { report, live, before };
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
