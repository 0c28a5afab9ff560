/** Creating, starting, checking and removing sandbox containers. */
import type { DockerClient } from "./docker-client.ts";
import { classifyDockerError } from "./docker-errors.ts";
import { containerSpec, type ContainerSpecInput } from "./container-spec.ts";

/** Creates a sandbox container and, when `start`, starts it; returns its id. A failed start removes it again. */
export async function createContainer(client: DockerClient, input: ContainerSpecInput, start: boolean): Promise<string> {
  const container = await client.call((api) => api.createContainer(containerSpec(input)));
  if (!start) return container.id;
  try {
    await client.call(() => container.start());
  } catch (error) {
    await removeContainer(client, container.id).catch(() => undefined);
    throw error;
  }
  return container.id;
}

/** True when the container exists and is running. */
export async function isRunning(client: DockerClient, id: string): Promise<boolean> {
  try {
    const info = await client.call((api) => api.getContainer(id).inspect());
    return info.State.Running && !info.State.Paused && !info.State.Restarting;
  } catch (error) {
    if (classifyDockerError(error) === "not-found") return false;
    throw error;
  }
}

/** Where a container stands after one of its processes ended without reporting. */
export type ContainerFate = "running" | "stopped" | "oom-killed" | "removed";

/**
 * The container's state once it has settled: a container being killed or removed can still say
 * "running" for a moment after its processes died, so "running" is re-checked a few times
 * (about 1.5 s in all). Errors other than "no such container" are thrown.
 */
export async function settledFate(client: DockerClient, id: string, attempts = 5): Promise<ContainerFate> {
  for (let attempt = 0; ; attempt++) {
    let fate: ContainerFate;
    try {
      const state = (await client.call((api) => api.getContainer(id).inspect())).State;
      fate = state.Running ? "running" : state.OOMKilled ? "oom-killed" : "stopped";
    } catch (error) {
      if (classifyDockerError(error) !== "not-found") throw error;
      fate = "removed";
    }
    if (fate !== "running" || attempt >= attempts) return fate;
    await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
  }
}

/** Kills and removes a container (with its anonymous volumes); a container already gone is fine. */
export async function removeContainer(client: DockerClient, id: string): Promise<void> {
  try {
    await client.call((api) => api.getContainer(id).remove({ force: true, v: true }));
  } catch (error) {
    const fault = classifyDockerError(error);
    // 409 "removal already in progress" also means it is going away.
    if (fault === "not-found" || fault === "conflict") return;
    throw error;
  }
}
