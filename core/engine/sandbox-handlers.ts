/** The handlers of sandbox/*: Forklift's checkpoints and containers on the Docker host, and their collection. */
import type { EngineApi } from "../../shared/protocol/contract.ts";
import type { GcReport, SandboxListing } from "../../shared/protocol/sandbox-listing.ts";
import type { GcReport as DriverGcReport, InventoryContainer, InventoryImage, SandboxInventory } from "../sandbox/index.ts";
import { listSessions } from "../store/index.ts";
import { collectStoreGarbage, liveStatuses } from "./collect-store-garbage.ts";
import type { EngineContext } from "./engine-context.ts";
import { sessionLabel } from "./session-runtime.ts";

/** The handlers of sandbox/list and sandbox/gc. */
export function sandboxHandlers(context: EngineContext): Pick<EngineApi, "sandbox/list" | "sandbox/gc"> {
  return {
    async "sandbox/list"({ sessionId }) {
      const driver = await context.docker();
      const listing = describeInventory(context, await driver.inventory(), await busySessions(context));
      if (sessionId === undefined) return listing;
      const checkpoints = listing.checkpoints.filter((entry) => entry.sessionId === sessionId);
      const containers = listing.containers.filter((entry) => entry.sessionId === sessionId);
      return { checkpoints, containers, diskBytes: diskOf(checkpoints, containers) };
    },
    async "sandbox/gc"({ dryRun }) {
      const driver = await context.docker();
      // sessions this engine works on now (a finished session's node being expanded) keep their sandboxes too
      const busy = await busySessions(context);
      // this engine's own leases do not make a session live: its busy ones are named instead
      const { report, before } = await collectStoreGarbage(context.store, driver, { dryRun, labelPrefix: context.labelPrefix, keepSessions: [...busy], leaseOwner: context.leases.owner });
      return describeGc(context, report, before, dryRun, busy);
    },
  };
}

/** Sessions with a run or the user's work in progress in this engine. */
async function busySessions(context: EngineContext): Promise<Set<string>> {
  const busy = new Set<string>();
  for (const [sessionId, opening] of context.runtimes) {
    const runtime = await opening.catch(() => undefined);
    if (runtime && (runtime.run !== undefined || runtime.background.size > 0)) busy.add(sessionId);
  }
  return busy;
}

/** Who each label belongs to in this store, and whether gc keeps that session's sandboxes. */
function sessionsByLabel(context: EngineContext, busy: ReadonlySet<string>): Map<string, { id: string; live: boolean }> {
  return new Map(
    listSessions(context.store).map((session) => [sessionLabel(context.labelPrefix, session.id), { id: session.id, live: liveStatuses.has(session.status) || busy.has(session.id) }]),
  );
}

/** The inventory under the engine's label prefix, with this store's session ids (other labels kept as they are). */
export function describeInventory(context: EngineContext, inventory: SandboxInventory, busy: ReadonlySet<string>): SandboxListing {
  const owners = sessionsByLabel(context, busy);
  const mine = (resource: { session: string }) => resource.session.startsWith(context.labelPrefix);
  const owner = (resource: InventoryContainer | InventoryImage) => {
    const found = owners.get(resource.session);
    const sessionId = found?.id ?? (resource.session || undefined);
    return { ...(sessionId !== undefined && { sessionId }), ...(resource.node !== undefined && { nodeId: resource.node }), live: found?.live ?? false };
  };
  const checkpoints = inventory.images.filter(mine).map((image) => ({ imageId: image.id, ...owner(image), sizeBytes: image.sizeBytes, createdAt: image.createdAt }));
  const containers = inventory.containers.filter(mine).map((container) => ({
    containerId: container.id,
    ...owner(container),
    role: container.role,
    state: container.state,
    createdAt: container.createdAt,
    ...(container.sizeBytes !== undefined && { sizeBytes: container.sizeBytes }),
  }));
  return { checkpoints, containers, diskBytes: diskOf(checkpoints, containers) };
}

function diskOf(checkpoints: readonly { sizeBytes: number }[], containers: readonly { sizeBytes?: number }[]): number {
  return [...checkpoints, ...containers].reduce((sum, entry) => sum + (entry.sizeBytes ?? 0), 0);
}

/** The driver's report with the sessions, nodes and sizes the inventory taken before it knew. */
function describeGc(context: EngineContext, report: DriverGcReport, before: SandboxInventory, dryRun: boolean, busy: ReadonlySet<string>): GcReport {
  const listing = describeInventory(context, before, busy);
  const containers = new Map(listing.containers.map((entry) => [entry.containerId, entry]));
  const images = new Map(listing.checkpoints.map((entry) => [entry.imageId, entry]));
  const labels = (entry: { sessionId?: string; nodeId?: string } | undefined) => ({
    ...(entry?.sessionId !== undefined && { sessionId: entry.sessionId }),
    ...(entry?.nodeId !== undefined && { nodeId: entry.nodeId }),
  });
  const removedContainers = report.removedContainers.map((id) => ({ id, ...labels(containers.get(id)) }));
  const removedImages = report.removedImages.map((id) => {
    const entry = images.get(id);
    return { id, ...labels(entry), ...(entry && { sizeBytes: entry.sizeBytes }) };
  });
  const reclaimedBytes = [...report.removedContainers.map((id) => containers.get(id)?.sizeBytes ?? 0), ...removedImages.map((image) => image.sizeBytes ?? 0)].reduce((a, b) => a + b, 0);
  return { dryRun, containers: removedContainers, images: removedImages, failed: report.failed.map((failure) => ({ ...failure })), reclaimedBytes };
}
