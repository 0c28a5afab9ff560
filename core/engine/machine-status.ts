/** What the engine needs from the machine, asked cheaply (no container is created): Docker, the base image, the LLM endpoint. */
import { ForkliftError } from "../../shared/errors.ts";
import type { DockerStatus, SystemStatus } from "../../shared/protocol/system-status.ts";
import { resolveLlmEndpoint } from "../generators/index.ts";
import type { LlmEndpoint } from "../generators/index.ts";
import { baseImageName } from "../sandbox/index.ts";
import type { SandboxDriver } from "../sandbox/index.ts";
import type { EngineContext } from "./engine-context.ts";

/** Docker's state and the base image's presence, from one connection attempt. */
export async function dockerAndBaseImage(docker: () => Promise<SandboxDriver>): Promise<Pick<SystemStatus, "docker" | "baseImage">> {
  let driver: SandboxDriver;
  let version: string;
  try {
    driver = await docker();
    version = await driver.daemonVersion();
  } catch (error) {
    return { docker: dockerFailure(error), baseImage: { name: baseImageName, state: "unknown", message: "Docker does not answer, so the base image cannot be looked up" } };
  }
  const status: DockerStatus = { state: "ready", endpoint: driver.endpoint, ...(version && { version }) };
  try {
    await driver.ensureImage({ name: baseImageName, pull: "never" });
    return { docker: status, baseImage: { name: baseImageName, state: "present" } };
  } catch (error) {
    if (error instanceof ForkliftError && error.code === "image-missing") {
      return { docker: status, baseImage: { name: baseImageName, state: "missing", message: `the base image ${baseImageName} is not on the Docker host: build it once with \`npm run build:base-image\`` } };
    }
    return { docker: status, baseImage: { name: baseImageName, state: "unknown", message: oneLine(error) } };
  }
}

/** Docker's failure as a state with its remedy (the sandbox layer's classification, by error code). */
export function dockerFailure(error: unknown): DockerStatus {
  const message = oneLine(error);
  if (!(error instanceof ForkliftError)) return { state: "unreachable", message };
  switch (error.code) {
    case "docker-not-installed":
      return { state: "not-installed", message };
    case "docker-not-running":
      return { state: "not-running", message };
    case "docker-permission-denied":
      return { state: "permission-denied", message };
    default:
      return { state: "unreachable", message };
  }
}

/** The LLM endpoint the user's settings and the environment give (a spec may still name its own), or why there is none. */
export function defaultLlmEndpoint(context: Pick<EngineContext, "env" | "settings">): { endpoint: LlmEndpoint } | { problem: string } {
  try {
    return { endpoint: resolveLlmEndpoint({}, context.env, context.settings.llm()) };
  } catch (error) {
    if (error instanceof ForkliftError) return { problem: error.message };
    throw error;
  }
}

/** The LLM part of the system status. */
export function llmStatus(context: Pick<EngineContext, "env" | "settings">): SystemStatus["llm"] {
  const resolved = defaultLlmEndpoint(context);
  if ("problem" in resolved) return { state: "not-configured", message: resolved.problem };
  return { state: "configured", baseUrl: resolved.endpoint.baseUrl, model: resolved.endpoint.model };
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0] ?? text;
}
