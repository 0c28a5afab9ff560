/** Makes sure an image is on the daemon: already present, pulled, or built from a Dockerfile, reporting progress. */
import { ForkliftError } from "../../../shared/errors.ts";
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
  const labels: Record<string, string> = { ...request.labels, [labelKeys.image]: "built" };
  if (request.session) Object.assign(labels, { [labelKeys.session]: request.session, [labelKeys.role]: "image", [labelKeys.node]: "" });
  try {
    const stream = await client.call((api) =>
      api.buildImage(packDirectory(spec.context) as unknown as NodeJS.ReadableStream, {
        t: request.name,
        dockerfile: spec.dockerfile ?? "Dockerfile",
        labels,
        rm: true,
        forcerm: true,
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
