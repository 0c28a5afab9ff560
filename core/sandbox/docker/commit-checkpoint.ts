/** `docker commit` of a sandbox container into a checkpoint image, labelled and tagged for its session and node. */
import { labelKeys } from "../labels.ts";
import type { DockerClient } from "./docker-client.ts";

/** Repository name of checkpoint images (`docker images forklift/checkpoint`). */
export const checkpointRepository = "forklift/checkpoint";

/** Commits the container and returns the new image id. The container is paused while its filesystem is copied. */
export async function commitCheckpoint(client: DockerClient, containerId: string, session: string, node: string, extra: Readonly<Record<string, string>> = {}): Promise<string> {
  const changes = [
    // values quoted (a store path may hold spaces); Forklift's own labels last, so they win
    ...Object.entries(extra).map(([key, value]) => `LABEL ${key}=${JSON.stringify(value)}`),
    `LABEL ${labelKeys.session}=${session}`,
    `LABEL ${labelKeys.node}=${node}`,
    `LABEL ${labelKeys.role}=checkpoint`,
    `LABEL ${labelKeys.image}=checkpoint`,
  ];
  const result = (await client.call((api) =>
    api.getContainer(containerId).commit({
      // dockerode would merge the options into both query and body; give the query alone.
      _query: { container: containerId, repo: checkpointRepository, tag: checkpointTag(session, node), pause: true, changes },
    }),
  )) as { Id: string };
  return result.Id;
}

/** A docker tag for a checkpoint (128 characters at most, letters, digits, `_.-`). */
export function checkpointTag(session: string, node: string): string {
  return `${session}.${node}`.replace(/[^A-Za-z0-9_.-]/g, "_").replace(/^[.-]/, "_").slice(0, 128);
}
