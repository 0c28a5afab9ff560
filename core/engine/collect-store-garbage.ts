/**
 * The one garbage collection of sandboxes (the CLI's `forklift gc` and the studio's `sandbox/gc`),
 * scoped to a store: which of Forklift's containers and images a store may remove, as a typed
 * preview with a reason for each, then the removal. By default
 * only the store's own resources (labelled with its id) whose session is finished go; with
 * `allStores`, other stores' resources too, unless their session is live in their store (each
 * resource names its store's path, which is opened read-only to ask). A resource whose session
 * is live anywhere Forklift can see is never removed. Removed checkpoints are forgotten in the
 * store, so it never points at what is gone.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { Session } from "../../shared/domain/session.ts";
import { labelKeys } from "../sandbox/index.ts";
import type { GcReport, InventoryContainer, InventoryImage, SandboxDriver, SandboxInventory } from "../sandbox/index.ts";
import { getLease, getSession, getTree, listSessions, openStore, storeId, updateNode } from "../store/index.ts";
import type { Store } from "../store/index.ts";
import { describeHolder, leaseIsLive } from "./session-leases.ts";

/** What to collect. */
export interface GcRequest {
  /** Only say what would be removed. */
  readonly dryRun?: boolean;
  /** Consider the resources of every store (and of none), not only this store's. */
  readonly allStores?: boolean;
  /** Session labels whose resources stay whatever their state (e.g. `--keep-session`). */
  readonly keepLabels?: readonly string[];
  /** Session ids of this store whose resources stay (e.g. sessions the engine is working on now). */
  readonly keepSessions?: readonly string[];
  /** Only resources whose session label starts with this (the engine's label prefix; tests use their run's). */
  readonly labelPrefix?: string;
  /** Leases this owner holds do not count as live (the engine collecting names its busy sessions in keepSessions). */
  readonly leaseOwner?: string;
}

/** The store a resource belongs to, as its labels say. */
export type GcOwner = { readonly kind: "this-store" } | { readonly kind: "other-store"; readonly id: string; readonly path: string } | { readonly kind: "no-store" };

/** One resource and what gc does with it, and why. */
export interface GcItem {
  readonly kind: "container" | "image";
  readonly id: string;
  readonly session: string;
  readonly role: string;
  readonly owner: GcOwner;
  readonly reason: string;
}

/** What gc did (or, on a dry run, would do). */
export interface GcOutcome {
  readonly dryRun: boolean;
  readonly allStores: boolean;
  readonly store: { readonly id: string; readonly path: string };
  /** Removed (or to remove, on a dry run). */
  readonly removed: readonly GcItem[];
  /** Kept, with why. */
  readonly kept: readonly GcItem[];
  /** Meant to go but refused by the daemon (e.g. an image still used), with its reason. */
  readonly failed: readonly { readonly item: GcItem; readonly reason: string }[];
  /** The same in the driver's terms (ids removed, or to remove on a dry run). */
  readonly report: GcReport;
  /** What was on the daemon before the collection (for sizes and labels). */
  readonly before: SandboxInventory;
}

/** Session statuses whose sandboxes are still wanted: not finished, so they may be resumed. */
export const liveStatuses: ReadonlySet<Session["status"]> = new Set(["preparing", "running", "paused"]);

/** Plans the collection for `store` on `driver`'s host, and carries it out unless `dryRun`. */
export async function collectStoreGarbage(store: Store, driver: SandboxDriver, request: GcRequest = {}): Promise<GcOutcome> {
  const self = { id: storeId(store), path: path.resolve(store.path) };
  const prefix = request.labelPrefix ?? "";
  const keepLabels = new Set(request.keepLabels ?? []);
  const keepIds = new Set(request.keepSessions ?? []);
  const others = new OtherStores(self.id);
  const removed: GcItem[] = [];
  const kept: GcItem[] = [];
  const before = await driver.inventory();
  const resources: (readonly ["container", InventoryContainer] | readonly ["image", InventoryImage])[] = [
    ...before.containers.map((container) => ["container", container] as const),
    ...before.images.map((image) => ["image", image] as const),
  ];
  try {
    for (const [kind, resource] of resources) {
      if (!resource.session.startsWith(prefix)) continue;
      const owner = ownerOf(resource.labels, self.id);
      const decide = (remove: boolean, reason: string) => (remove ? removed : kept).push({ kind, id: resource.id, session: resource.session, role: resource.role, owner, reason });
      const sessionId = sessionIdOf(resource.session);
      if (keepLabels.has(resource.session)) {
        decide(false, "named by --keep-session");
        continue;
      }
      if (sessionId !== undefined && keepIds.has(sessionId) && owner.kind !== "other-store") {
        decide(false, `session ${sessionId.slice(0, 8)} is being worked on in this process`);
        continue;
      }
      // a resource made before resources named their store, whose session is in this store, is this store's
      const mine = owner.kind === "this-store" || (owner.kind === "no-store" && sessionId !== undefined && getSession(store, sessionId) !== undefined);
      if (mine) {
        const verdict = judge(store, sessionId, "this store", request.leaseOwner);
        decide(!verdict.live, verdict.reason);
      } else if (!request.allStores) {
        decide(false, owner.kind === "other-store" ? `belongs to the store ${owner.path} (gc --all-stores considers it)` : "made by a Forklift that did not label its store (gc --all-stores considers it)");
      } else if (owner.kind === "no-store") {
        decide(true, "no store names it, and its session is in none this gc can see");
      } else {
        const other = others.open(owner);
        if (other.kind === "gone") decide(true, `its store ${owner.path} is gone`);
        else if (other.kind === "unreadable") decide(false, `its store ${owner.path} cannot be read (${other.why}): kept to be safe`);
        else {
          const verdict = judge(other.store, sessionId, `the store ${owner.path}`);
          decide(!verdict.live, verdict.reason);
        }
      }
    }
  } finally {
    others.close();
  }
  const allStores = request.allStores === true;
  if (request.dryRun) {
    const report: GcReport = { removedContainers: removed.filter((item) => item.kind === "container").map((item) => item.id), removedImages: removed.filter((item) => item.kind === "image").map((item) => item.id), failed: [] };
    return { dryRun: true, allStores, store: self, removed, kept, failed: [], report, before };
  }

  const doomed = new Map(removed.map((item) => [normalizeId(item.id), item]));
  const report = await driver.gc({}, { only: (resource) => doomed.has(normalizeId(resource.id)) });
  forgetRemovedImages(store, report.removedImages);
  const gone = new Set([...report.removedContainers, ...report.removedImages].map(normalizeId));
  const failed = report.failed.flatMap((failure) => {
    const item = doomed.get(normalizeId(failure.id));
    return item ? [{ item, reason: failure.reason }] : [];
  });
  return { dryRun: false, allStores, store: self, removed: removed.filter((item) => gone.has(normalizeId(item.id))), kept, failed, report, before };
}

/** Whether a session's sandboxes are still wanted, and why. */
function judge(store: Store, sessionId: string | undefined, where: string, leaseOwner?: string): { live: boolean; reason: string } {
  const session = sessionId === undefined ? undefined : getSession(store, sessionId);
  if (!session) return { live: false, reason: `its session is not in ${where}` };
  const holder = getLease(store, session.id);
  if (holder && holder.owner !== leaseOwner && leaseIsLive(holder)) return { live: true, reason: `session ${session.id.slice(0, 8)} is ${session.status} in ${where} and run by a live process (${describeHolder(holder)})` };
  if (liveStatuses.has(session.status)) return { live: true, reason: `session ${session.id.slice(0, 8)} is ${session.status} in ${where} (it can be resumed)` };
  return { live: false, reason: `session ${session.id.slice(0, 8)} is ${session.status} in ${where}` };
}

function ownerOf(labels: Readonly<Record<string, string>>, self: string): GcOwner {
  const id = labels[labelKeys.store];
  if (id === undefined) return { kind: "no-store" };
  if (id === self) return { kind: "this-store" };
  return { kind: "other-store", id, path: labels[labelKeys.storePath] ?? "" };
}

/** The session id inside a session label (`<prefix>-<uuid>` or `<uuid>`). */
function sessionIdOf(label: string): string | undefined {
  return /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.exec(label)?.[0];
}

/** Other stores, opened read-only once each, to ask whether their sessions are live. */
class OtherStores {
  private readonly opened = new Map<string, { kind: "open"; store: Store } | { kind: "gone" } | { kind: "unreadable"; why: string }>();

  constructor(private readonly self: string) {}

  open(owner: Extract<GcOwner, { kind: "other-store" }>): { kind: "open"; store: Store } | { kind: "gone" } | { kind: "unreadable"; why: string } {
    let found = this.opened.get(owner.id);
    if (!found) {
      found = this.load(owner);
      this.opened.set(owner.id, found);
    }
    return found;
  }

  close(): void {
    for (const entry of this.opened.values()) if (entry.kind === "open") entry.store.close();
  }

  private load(owner: Extract<GcOwner, { kind: "other-store" }>): { kind: "open"; store: Store } | { kind: "gone" } | { kind: "unreadable"; why: string } {
    if (owner.path === "" || !path.isAbsolute(owner.path) || !existsSync(owner.path)) return { kind: "gone" };
    let store: Store;
    try {
      store = openStore(owner.path, { readonly: true });
    } catch (error) {
      return { kind: "unreadable", why: error instanceof Error ? error.message : String(error) };
    }
    try {
      const id = storeId(store);
      // the file now holds another store (recreated): the one that made the resource is gone
      if (id !== owner.id || id === this.self) {
        store.close();
        return { kind: "gone" };
      }
    } catch (error) {
      store.close();
      return { kind: "unreadable", why: error instanceof Error ? error.message : String(error) };
    }
    return { kind: "open", store };
  }
}

/** Clears the checkpoint of this store's nodes whose image gc removed: the store never points at what is gone. */
function forgetRemovedImages(store: Store, removedImages: readonly string[]): void {
  const removed = new Set(removedImages.map(normalizeId));
  if (removed.size === 0) return;
  store.write(() => {
    for (const session of listSessions(store)) {
      for (const node of Object.values(getTree(store, session.id).nodes)) {
        if (node.checkpointImageId && removed.has(normalizeId(node.checkpointImageId))) updateNode(store, node.id, { checkpointImageId: null });
      }
    }
  });
}

function normalizeId(id: string): string {
  return id.replace(/^sha256:/, "");
}
