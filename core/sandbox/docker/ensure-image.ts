/** Makes sure an image is on the daemon: already present, pulled, or built from a Dockerfile, reporting progress. */
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ForkliftError } from "../../../shared/errors.ts";
import { parseDockerIgnore } from "../dockerignore.ts";
import { labelKeys } from "../labels.ts";
import type { ImageInfo, ImageRequest } from "../sandbox-driver.ts";
import { emitEvent, type SandboxEventListener } from "../sandbox-events.ts";
import { packDirectory } from "../tar-archive.ts";
import type { DockerClient } from "./docker-client.ts";
import { daemonMessage } from "./docker-errors.ts";
import { inspectImage, type ImageDetails } from "./inspect-image.ts";

/** Progress objects as the daemon streams them for pull and build. */
interface ProgressMessage {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

/** Returns the image's details, pulling or building it first when the request says so. */
export async function ensureImage(client: DockerClient, request: ImageRequest, onEvent?: SandboxEventListener): Promise<ImageInfo> {
  if (request.build) return build(client, request, request.build, onEvent);
  const policy = request.pull ?? "missing";
  const present = policy === "always" ? undefined : await inspectImage(client, request.name);
  if (present) return toInfo(request.name, present, "present");
  if (policy === "never") throw missingImage(request.name, "pulling is turned off");
  try {
    await pull(client, request.name, onEvent);
  } catch (error) {
    if (error instanceof ForkliftError) throw error;
    const fallback = policy === "always" ? await inspectImage(client, request.name) : undefined;
    if (fallback) return toInfo(request.name, fallback, "present");
    throw missingImage(request.name, daemonMessage(error));
  }
  const pulled = await inspectImage(client, request.name);
  if (!pulled) throw missingImage(request.name, "the pull reported success but the image is not there");
  return toInfo(request.name, pulled, "pulled");
}

/** The error for an image that is neither present nor obtainable. */
export function missingImage(name: string, why: string): ForkliftError {
  return new ForkliftError(
    "image-missing",
    `image ${name} is not on the Docker host and cannot be pulled (${oneLine(why)}): build the offline base image with \`npm run build:base-image\`, or name an image that exists`,
  );
}

async function pull(client: DockerClient, name: string, onEvent?: SandboxEventListener): Promise<void> {
  const stream = await client.call((api) => api.pull(name));
  await follow(client, stream, (message) => {
    if (message.status) {
      emitEvent(onEvent, {
        type: "image-pull",
        image: name,
        status: message.status,
        ...(message.id ? { layer: message.id } : {}),
        ...(message.progressDetail?.current !== undefined ? { current: message.progressDetail.current } : {}),
        ...(message.progressDetail?.total !== undefined ? { total: message.progressDetail.total } : {}),
      });
    }
  });
}

async function build(client: DockerClient, request: ImageRequest, spec: NonNullable<ImageRequest["build"]>, onEvent?: SandboxEventListener): Promise<ImageInfo> {
  const dockerfile = await dockerfileInContext(spec.context, spec.dockerfile ?? "Dockerfile");
  const ignoreText = await readFile(path.join(spec.context, ".dockerignore"), "utf8").catch(() => "");
  const context = packDirectory(spec.context, { ignore: parseDockerIgnore(ignoreText), keep: [dockerfile, ".dockerignore"] });
  const labels: Record<string, string> = { ...request.labels, [labelKeys.image]: "built" };
  if (request.session) Object.assign(labels, { [labelKeys.session]: request.session, [labelKeys.role]: "image", [labelKeys.node]: "" });
  try {
    const stream = await client.call((api) =>
      api.buildImage(context as unknown as NodeJS.ReadableStream, {
        t: request.name,
        dockerfile,
        labels,
        rm: true,
        forcerm: true,
        ...(spec.limits && { memory: spec.limits.memoryBytes, memswap: spec.limits.memoryBytes, cpuperiod: 100_000, cpuquota: Math.round(spec.limits.cpus * 100_000) }),
        ...(request.pull === "always" ? { pull: true } : {}),
      }),
    );
    await follow(client, stream, (message) => {
      const text = message.stream ?? message.status;
      if (text && text.trim()) emitEvent(onEvent, { type: "image-build", image: request.name, text: text.replace(/\n$/, "") });
    });
  } catch (error) {
    if (error instanceof ForkliftError && error.code !== "internal") throw error;
    throw new ForkliftError("image-build-failed", `building image ${request.name} from ${spec.context} failed: ${oneLine(daemonMessage(error))}`, { cause: error });
  }
  const built = await inspectImage(client, request.name);
  if (!built) throw new ForkliftError("image-build-failed", `building image ${request.name} reported success but the image is not there`);
  return toInfo(request.name, built, "built");
}

/**
 * The Dockerfile's path inside the build context, checked before anything is uploaded: it must
 * exist there as a file and not lead out of the context (by `..`, an absolute path or a symlink).
 */
async function dockerfileInContext(context: string, dockerfile: string): Promise<string> {
  const root = await realpath(context).catch(() => undefined);
  if (!root) throw new ForkliftError("image-build-failed", `the build context ${context} does not exist`);
  const normal = path.posix.normalize(dockerfile.replaceAll("\\", "/"));
  const outside = `the Dockerfile ${dockerfile} is outside the repository ${context}: put it in the repository and name it by a path relative to its root (sandbox.dockerfile)`;
  if (path.posix.isAbsolute(normal) || normal === ".." || normal.startsWith("../")) throw new ForkliftError("invalid-spec", outside);
  const real = await realpath(path.join(root, normal)).catch(() => undefined);
  if (!real) throw new ForkliftError("invalid-spec", `the Dockerfile ${dockerfile} does not exist in ${context}: check sandbox.dockerfile (a path relative to the repository root)`);
  if (!real.startsWith(`${root}${path.sep}`)) throw new ForkliftError("invalid-spec", outside);
  if (!(await stat(real)).isFile()) throw new ForkliftError("invalid-spec", `the Dockerfile ${dockerfile} in ${context} is not a file: check sandbox.dockerfile`);
  return normal;
}

/** Reads a progress stream to its end; an `error` message in it rejects (with the daemon's text). */
function follow(client: DockerClient, stream: NodeJS.ReadableStream, onMessage: (message: ProgressMessage) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    client.api.modem.followProgress(
      stream,
      (error: unknown, messages: ProgressMessage[] | null) => {
        const failed = messages?.find((m) => m.error);
        if (error) reject(error);
        else if (failed) reject(new Error(failed.errorDetail?.message ?? failed.error));
        else resolve();
      },
      onMessage,
    );
  });
}

function toInfo(name: string, details: ImageDetails, source: ImageInfo["source"]): ImageInfo {
  return { id: details.id, name, user: details.user, workdir: details.workdir, source };
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}
