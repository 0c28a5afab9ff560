/**
 * The one module that talks to the Docker daemon: it connects (honouring DOCKER_HOST), checks the
 * daemon answers, and runs every call so that an unusable daemon becomes a one-line
 * ForkliftError. The verbs in this folder take a DockerClient and go through `call`.
 */
import Dockerode from "dockerode";
import { ForkliftError } from "../../../shared/errors.ts";
import { connectionError, withDaemon } from "./docker-errors.ts";
import { describeEndpoint, dockerOptions, parseDockerEndpoint, type DockerEndpoint } from "./docker-endpoint.ts";

/** Options of {@link connectDocker}. */
export interface ConnectOptions {
  /** Environment to read DOCKER_HOST etc. from (default: process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** How long the first ping may take. Default 10 s. */
  readonly timeoutMs?: number;
}

/** A connection to one Docker daemon. */
export class DockerClient {
  constructor(
    readonly api: Dockerode,
    readonly endpoint: DockerEndpoint,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** DOCKER_HOST-style address of the daemon, for messages. */
  get address(): string {
    return describeEndpoint(this.endpoint);
  }

  /** Runs one API call; a daemon that cannot be reached or used becomes a ForkliftError saying what to do. */
  call<T>(operation: (api: Dockerode) => Promise<T>): Promise<T> {
    return withDaemon(this.endpoint, this.env, () => operation(this.api));
  }
}

/** Connects to the daemon named by DOCKER_HOST (default: the local socket) and checks it answers. */
export async function connectDocker(options: ConnectOptions = {}): Promise<DockerClient> {
  const env = options.env ?? process.env;
  const endpoint = parseDockerEndpoint(env);
  const api = new Dockerode(dockerOptions(endpoint, env));
  const client = new DockerClient(api, endpoint, env);
  const timeoutMs = options.timeoutMs ?? 10_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ForkliftError("docker-not-running", `the Docker daemon at ${client.address} does not answer within ${timeoutMs / 1000} s: start it or fix DOCKER_HOST`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([api.ping(), timeout]);
  } catch (error) {
    throw error instanceof ForkliftError ? error : (connectionError(error, endpoint, env) ?? error);
  } finally {
    clearTimeout(timer);
  }
  return client;
}
