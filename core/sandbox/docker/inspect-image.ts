/** Looks an image up on the daemon: its id, default user and working directory. */
import type { DockerClient } from "./docker-client.ts";
import { classifyDockerError } from "./docker-errors.ts";

/** What the sandbox layer needs to know of an image. */
export interface ImageDetails {
  readonly id: string;
  readonly user: string;
  readonly workdir: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The image's details, or undefined when the daemon does not have it. */
export async function inspectImage(client: DockerClient, name: string): Promise<ImageDetails | undefined> {
  try {
    const info = await client.call((api) => api.getImage(name).inspect());
    return { id: info.Id, user: info.Config?.User ?? "", workdir: info.Config?.WorkingDir ?? "", labels: info.Config?.Labels ?? {} };
  } catch (error) {
    if (classifyDockerError(error) === "not-found") return undefined;
    throw error;
  }
}
