/** Forklift's containers and images on the daemon with their labels and the disk each uses, for the studio's sandboxes panel. */
import { labelKeys } from "../labels.ts";
import type { InventoryContainer, InventoryImage, SandboxInventory } from "../sandbox-driver.ts";
import type { DockerClient } from "./docker-client.ts";
import { classifyDockerError } from "./docker-errors.ts";

/**
 * Lists every container (running or not) and image carrying `forklift.session`. An image's own
 * size is what it adds over its parent (a checkpoint's layer), not the whole stack the daemon
 * reports; a container's is its writable layer (asking for it makes the daemon measure it).
 */
export async function listInventory(client: DockerClient): Promise<SandboxInventory> {
  const filters = { label: [labelKeys.session] };
  const [containers, images] = await Promise.all([
    client.call((api) => api.listContainers({ all: true, size: true, filters })),
    client.call((api) => api.listImages({ all: true, filters })),
  ]);
  const sizes = new Map<string, number | undefined>(images.map((image) => [image.Id, image.Size]));
  const parentSize = async (parentId: string): Promise<number | undefined> => {
    if (!parentId) return undefined;
    if (!sizes.has(parentId)) sizes.set(parentId, await imageSize(client, parentId));
    return sizes.get(parentId);
  };
  const inventoryImages: InventoryImage[] = [];
  for (const image of images) {
    const labels = image.Labels ?? {};
    const parent = await parentSize(image.ParentId);
    inventoryImages.push({
      id: image.Id,
      session: labels[labelKeys.session] ?? "",
      ...(labels[labelKeys.node] !== undefined && { node: labels[labelKeys.node] }),
      role: labels[labelKeys.role] ?? "",
      createdAt: image.Created * 1000,
      sizeBytes: Math.max(0, image.Size - (parent ?? 0)),
      ...(image.ParentId && { parentId: image.ParentId }),
      labels,
    });
  }
  return {
    containers: containers.map((container): InventoryContainer => {
      // asked for with `size: true`; @types/dockerode does not declare it
      const writable = (container as { SizeRw?: unknown }).SizeRw;
      return {
        id: container.Id,
        session: container.Labels[labelKeys.session] ?? "",
        ...(container.Labels[labelKeys.node] !== undefined && { node: container.Labels[labelKeys.node] }),
        role: container.Labels[labelKeys.role] ?? "",
        state: container.State,
        createdAt: container.Created * 1000,
        ...(typeof writable === "number" && { sizeBytes: writable }),
        image: container.ImageID,
        labels: container.Labels ?? {},
      };
    }),
    images: inventoryImages,
  };
}

/** An image's whole size, or undefined when it is gone (removed between the listing and now). */
async function imageSize(client: DockerClient, id: string): Promise<number | undefined> {
  try {
    return (await client.call((api) => api.getImage(id).inspect())).Size;
  } catch (error) {
    if (classifyDockerError(error) === "not-found") return undefined;
    throw error;
  }
}
