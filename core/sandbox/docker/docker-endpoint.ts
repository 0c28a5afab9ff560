/**
 * Where the Docker Engine API is, from DOCKER_HOST as the docker CLI reads it: a local unix
 * socket (the default), `tcp://host:port` (TLS with DOCKER_TLS_VERIFY=1 or port 2376, certificates
 * from DOCKER_CERT_PATH) or `ssh://user@host[:port]` (the remote runs `docker system dial-stdio`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { DockerOptions } from "dockerode";
import { ForkliftError } from "../../../shared/errors.ts";

/** A parsed DOCKER_HOST. */
export type DockerEndpoint =
  | { readonly kind: "unix"; readonly socketPath: string }
  | { readonly kind: "tcp"; readonly host: string; readonly port: number; readonly tls: boolean }
  | { readonly kind: "ssh"; readonly host: string; readonly port: number; readonly username?: string };

/** The default socket of a system-wide Docker Engine on Linux. */
export const defaultSocketPath = "/var/run/docker.sock";

/** Reads DOCKER_HOST (and the TLS variables) from `env`; throws invalid-input for a value it cannot use. */
export function parseDockerEndpoint(env: NodeJS.ProcessEnv): DockerEndpoint {
  const raw = env.DOCKER_HOST?.trim();
  if (!raw) return { kind: "unix", socketPath: defaultSocketPath };
  if (raw.startsWith("unix://")) return { kind: "unix", socketPath: raw.slice("unix://".length) || defaultSocketPath };
  let url: URL;
  try {
    url = new URL(raw.includes("://") ? raw : `tcp://${raw}`);
  } catch {
    throw new ForkliftError("invalid-input", `DOCKER_HOST=${raw} is not a Docker address: use unix:///path, tcp://host:port or ssh://user@host`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (url.protocol === "ssh:") {
    return { kind: "ssh", host, port: Number(url.port || 22), ...(url.username ? { username: decodeURIComponent(url.username) } : {}) };
  }
  if (url.protocol === "tcp:" || url.protocol === "http:" || url.protocol === "https:") {
    const port = Number(url.port || (url.protocol === "https:" ? 2376 : 2375));
    const tls = env.DOCKER_TLS_VERIFY === "1" || port === 2376 || url.protocol === "https:";
    return { kind: "tcp", host, port, tls };
  }
  throw new ForkliftError("invalid-input", `DOCKER_HOST=${raw} uses an unsupported scheme ${url.protocol}: use unix://, tcp:// or ssh://`);
}

/** The endpoint as a DOCKER_HOST-style string, for messages. */
export function describeEndpoint(endpoint: DockerEndpoint): string {
  switch (endpoint.kind) {
    case "unix":
      return `unix://${endpoint.socketPath}`;
    case "tcp":
      return `tcp://${endpoint.host}:${endpoint.port}`;
    case "ssh":
      return `ssh://${endpoint.username ? `${endpoint.username}@` : ""}${endpoint.host}:${endpoint.port}`;
  }
}

/** Options for dockerode that connect to exactly this endpoint (every field set, so process.env cannot leak in). */
export function dockerOptions(endpoint: DockerEndpoint, env: NodeJS.ProcessEnv): DockerOptions {
  const base: DockerOptions = { socketPath: undefined, host: undefined, port: undefined, protocol: undefined, headers: {} };
  switch (endpoint.kind) {
    case "unix":
      return { ...base, socketPath: endpoint.socketPath };
    case "tcp": {
      if (!endpoint.tls) return { ...base, host: endpoint.host, port: endpoint.port, protocol: "http" };
      const certs = env.DOCKER_CERT_PATH;
      const read = (name: string) => (certs ? readFileSync(path.join(certs, name)) : undefined);
      return { ...base, host: endpoint.host, port: endpoint.port, protocol: "https", ca: read("ca.pem"), cert: read("cert.pem"), key: read("key.pem") };
    }
    case "ssh":
      return {
        ...base,
        host: endpoint.host,
        port: endpoint.port,
        protocol: "ssh",
        username: endpoint.username,
        sshOptions: env.SSH_AUTH_SOCK ? { agent: env.SSH_AUTH_SOCK } : {},
      };
  }
}
