/** What the web e2e asks Docker directly (never through Forklift): the resources of a studio's sessions and of one node. */
import { execFileSync } from "node:child_process";

/** Runs the docker CLI; throws when it fails (e.g. `image inspect` of a removed image). */
export function docker(...args: string[]): string {
  return execFileSync("docker", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

/** Containers and images whose session label starts with `prefix`, one "id session" line each. */
export function leftovers(prefix: string): string[] {
  const containers = docker("ps", "-a", "--filter", "label=forklift.session", "--format", '{{.ID}} {{.Label "forklift.session"}}').split("\n");
  const imageIds = docker("images", "-q", "--filter", "label=forklift.session").split("\n").filter(Boolean);
  const images = imageIds.length === 0 ? [] : docker("image", "inspect", "--format", '{{.Id}} {{index .Config.Labels "forklift.session"}}', ...new Set(imageIds)).split("\n");
  return [...containers, ...images].filter((line) => line.split(" ")[1]?.startsWith(prefix));
}

/** The ids of the containers (any state) and images labelled as belonging to node `nodeId`. */
export function nodeResources(nodeId: string): { containers: string[]; images: string[] } {
  const filter = `label=forklift.node=${nodeId}`;
  const lines = (text: string) => text.split("\n").filter(Boolean);
  return { containers: lines(docker("ps", "-aq", "--filter", filter)), images: lines(docker("images", "-q", "--filter", filter)) };
}

/** Whether Docker still has an image with this id. */
export function imageExists(imageId: string): boolean {
  try {
    docker("image", "inspect", "--format", "{{.Id}}", imageId);
    return true;
  } catch {
    return false;
  }
}

/** Removes what `leftovers` found (containers first), so a failed run leaves nothing on a shared daemon. */
export function removeLeftovers(lines: readonly string[]): void {
  const ids = lines.map((line) => line.split(" ")[0]!);
  const images = ids.filter((id) => id.startsWith("sha256:"));
  const containers = ids.filter((id) => !id.startsWith("sha256:"));
  if (containers.length > 0) docker("rm", "-f", ...containers);
  if (images.length > 0) docker("rmi", "-f", ...images);
}
