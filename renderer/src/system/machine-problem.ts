/** The first thing the machine lacks for a search (Docker, then the base image), as an error state says it. */
import { assertNever } from "../../../shared/assert-never.ts";
import type { SystemStatus } from "../../../shared/protocol/system-status.ts";

/** The first thing the machine lacks for a search, with its code and what to do; undefined when nothing. */
export function machineProblem(status: SystemStatus): { code: string; title: string; message: string } | undefined {
  const { docker, baseImage } = status;
  switch (docker.state) {
    case "ready":
      break;
    case "not-installed":
      return { code: "docker-not-installed", title: "Docker is not installed", message: docker.message };
    case "not-running":
      return { code: "docker-not-running", title: "Docker is not running", message: docker.message };
    case "permission-denied":
      return { code: "docker-permission-denied", title: "No permission to use Docker", message: docker.message };
    case "unreachable":
      return { code: "docker-unreachable", title: "Docker does not answer", message: docker.message };
    default:
      return assertNever(docker, "docker state");
  }
  if (baseImage.state === "missing")
    return { code: "image-missing", title: `The base image ${baseImage.name} is missing`, message: baseImage.message ?? "Run npm run build:base-image, then check again." };
  return undefined;
}
