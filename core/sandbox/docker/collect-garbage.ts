/** Removes every container and image carrying Forklift's session label that the caller does not name as live. */
import { labelKeys } from "../labels.ts";
import type { GcReport, LiveSet, SandboxResource } from "../sandbox-driver.ts";
import type { DockerClient } from "./docker-client.ts";
import { classifyDockerError, daemonMessage } from "./docker-errors.ts";
import { removeContainer } from "./sandbox-container.ts";

/** A Forklift resource found on the daemon. */
export type LabelledResource = SandboxResource;

/** Every container (running or not) and image with a `forklift.session` label. */
export async function listForkliftResources(client: DockerClient): Promise<LabelledResource[]> {
  const filters = { label: [labelKeys.session] };
  const [containers, images] = await Promise.all([
    client.call((api) => api.listContainers({ all: true, filters })),
    client.call((api) => api.listImages({ all: true, filters })),
  ]);
  return [
    ...containers.map((c) => resource("container", c.Id, c.Labels ?? {}, c.Created)),
    ...images.map((i) => resource("image", i.Id, i.Labels ?? {}, i.Created)),
  ];
}

/** Removes what is not live: containers first, then images newest first (children before parents). */
export async function collectGarbage(client: DockerClient, live: LiveSet, options: { dryRun?: boolean; only?: (resource: LabelledResource) => boolean } = {}): Promise<GcReport> {
  const sessions = new Set(live.sessions ?? []);
  const ids = new Set([...(live.checkpoints ?? []), ...(live.sandboxes ?? [])].map(normalizeId));
  const isLive = (resource: LabelledResource) => sessions.has(resource.session) || ids.has(normalizeId(resource.id));
  const all = await listForkliftResources(client);
  const doomed = all.filter((resource) => !isLive(resource) && (options.only?.(resource) ?? true));
  const containers = doomed.filter((r) => r.kind === "container");
  const images = doomed.filter((r) => r.kind === "image").sort((a, b) => b.created - a.created);
  if (options.dryRun) return { removedContainers: containers.map((c) => c.id), removedImages: images.map((i) => i.id), failed: [] };

  const failed = new Map<string, string>();
  const removedContainers: string[] = [];
  await Promise.all(
    containers.map(async (container) => {
      try {
        await removeContainer(client, container.id);
        removedContainers.push(container.id);
      } catch (error) {
        failed.set(container.id, daemonMessage(error));
      }
    }),
  );
  const removedImages: string[] = [];
  let remaining = images;
  // An image with child images cannot go first; retry the ones refused while others still go.
  while (remaining.length > 0) {
    const refused: LabelledResource[] = [];
    for (const image of remaining) {
      try {
        await client.call((api) => api.getImage(image.id).remove({ force: true, noprune: false }));
        removedImages.push(image.id);
        failed.delete(image.id);
      } catch (error) {
        if (classifyDockerError(error) === "not-found") continue;
        failed.set(image.id, daemonMessage(error));
        refused.push(image);
      }
    }
    if (refused.length === remaining.length) break;
    remaining = refused;
  }
  return { removedContainers, removedImages, failed: [...failed].map(([id, reason]) => ({ id, reason })) };
}

function resource(kind: "container" | "image", id: string, labels: Record<string, string>, created: number): LabelledResource {
  return { kind, id, session: labels[labelKeys.session] ?? "", role: labels[labelKeys.role] ?? "", created, labels };
}

function normalizeId(id: string): string {
  return id.replace(/^sha256:/, "");
}
