/** Turns errors from the Docker Engine API into what a caller can act on. */
import { accessSync, constants } from "node:fs";
import path from "node:path";
import { ForkliftError } from "../../../shared/errors.ts";
import { describeEndpoint, type DockerEndpoint } from "./docker-endpoint.ts";

/** What went wrong talking to the daemon, as far as the caller cares. */
export type DockerFault = "unreachable" | "permission" | "not-found" | "conflict" | "other";

const unreachableCodes = new Set([
  "ENOENT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ERR_SOCKET_CLOSED",
  "ECONNABORTED",
]);

/** Classifies an error thrown by dockerode (or by the socket under it). */
export function classifyDockerError(error: unknown): DockerFault {
  if (error instanceof ForkliftError) {
    if (error.code === "docker-not-running" || error.code === "docker-not-installed") return "unreachable";
    if (error.code === "docker-permission-denied") return "permission";
    return error.cause === undefined ? "other" : classifyDockerError(error.cause);
  }
  if (typeof error !== "object" || error === null) return "other";
  const { code, statusCode, message } = error as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (statusCode === 404) return "not-found";
  if (statusCode === 409) return "conflict";
  if (code === "EACCES" || code === "EPERM") return "permission";
  if (typeof code === "string" && unreachableCodes.has(code)) return "unreachable";
  if (typeof message === "string" && /socket hang up|connect ETIMEDOUT|All configured authentication methods failed|Timed out while waiting for handshake/i.test(message)) {
    return "unreachable";
  }
  return "other";
}

/** True when `error` means the daemon cannot be reached (as opposed to a refused request). */
export function isDaemonUnreachable(error: unknown): boolean {
  return classifyDockerError(error) === "unreachable";
}

/** The one-line error for a daemon that cannot be used, saying what to do; undefined for other errors. */
export function connectionError(error: unknown, endpoint: DockerEndpoint, env: NodeJS.ProcessEnv): ForkliftError | undefined {
  const fault = classifyDockerError(error);
  const where = describeEndpoint(endpoint);
  if (fault === "permission") {
    return new ForkliftError(
      "docker-permission-denied",
      endpoint.kind === "unix"
        ? `no permission to use the Docker socket ${endpoint.socketPath}: add your user to the docker group (sudo usermod -aG docker $USER, then log in again) or run as root`
        : `the Docker daemon at ${where} refused access: check DOCKER_HOST credentials (DOCKER_CERT_PATH or your ssh key)`,
      { cause: error },
    );
  }
  if (fault !== "unreachable") return undefined;
  const code = (error as { code?: unknown }).code;
  if (endpoint.kind === "unix" && code === "ENOENT" && !onPath(["docker", "dockerd"], env)) {
    return new ForkliftError(
      "docker-not-installed",
      "Docker is not installed: install Docker Engine (Debian/Ubuntu: sudo apt-get install docker.io) or point DOCKER_HOST at a machine that has it",
      { cause: error },
    );
  }
  return new ForkliftError(
    "docker-not-running",
    endpoint.kind === "unix"
      ? `the Docker daemon is not running (nothing answers at ${where}): start it (sudo systemctl start docker, or sudo dockerd &) or set DOCKER_HOST`
      : `the Docker daemon at ${where} does not answer: start it there or fix DOCKER_HOST`,
    { cause: error },
  );
}

/** Wraps a daemon call so connection failures become one-line ForkliftErrors; other errors pass through. */
export async function withDaemon<T>(endpoint: DockerEndpoint, env: NodeJS.ProcessEnv, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw connectionError(error, endpoint, env) ?? error;
  }
}

/** The daemon's own message of an API error (dockerode prefixes it with the HTTP status). */
export function daemonMessage(error: unknown): string {
  const json = (error as { json?: { message?: unknown } } | undefined)?.json;
  if (json && typeof json.message === "string") return json.message;
  return error instanceof Error ? error.message : String(error);
}

function onPath(names: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  return names.some((name) =>
    dirs.some((dir) => {
      try {
        accessSync(path.join(dir, name), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    }),
  );
}
