/**
 * A session's base checkpoint: the repository's working tree copied into a fresh container through
 * a tar stream (the user's directory is never mounted), the spec's setup commands run in it
 * (with a network only when the caller opts in), then `docker commit`.
 */
import { performance } from "node:perf_hooks";
import { ForkliftError } from "../../../shared/errors.ts";
import { describeOutcome } from "../exec-result.ts";
import { assertValidId, forkliftLabels } from "../labels.ts";
import { listRepoFiles, resolveRepository } from "../repo-files.ts";
import type { BaseCheckpointRequest, Checkpoint, SetupCommand } from "../sandbox-driver.ts";
import { emitEvent, type CheckpointPhase, type SandboxEventListener } from "../sandbox-events.ts";
import { resolveLimits, type ResourceLimits } from "../sandbox-limits.ts";
import { listIgnoredFiles } from "../ignored-files.ts";
import { packIgnoredEntries, packRepoFiles } from "../tar-archive.ts";
import type { DockerClient } from "./docker-client.ts";
import { commitCheckpoint } from "./commit-checkpoint.ts";
import { ensureImage } from "./ensure-image.ts";
import { resolveImageUser } from "./image-user.ts";
import { runExec } from "./run-exec.ts";
import { createContainer, removeContainer } from "./sandbox-container.ts";

/** Where the repository goes when the image names no working directory. */
export const fallbackWorkdir = "/work";

/** Builds the base checkpoint; removes its temporary container whatever happens. */
export async function createBaseCheckpoint(
  client: DockerClient,
  request: BaseCheckpointRequest,
  defaults: ResourceLimits,
  onEvent?: SandboxEventListener,
): Promise<Checkpoint> {
  assertValidId("session", request.session);
  assertValidId("node", request.node);
  const started = performance.now();
  const progress = (phase: CheckpointPhase, detail?: string) =>
    emitEvent(onEvent, {
      type: "checkpoint",
      session: request.session,
      node: request.node,
      phase,
      ...(detail ? { detail } : {}),
      elapsedMs: Math.round(performance.now() - started),
    });

  const root = await resolveRepository(request.repoPath);
  const limits = resolveLimits(request.limits, defaults);
  const requested = typeof request.image === "string" ? { name: request.image } : request.image;
  // a build's containers are the session's too: they get its limits
  const imageRequest = requested.build ? { ...requested, build: { limits, ...requested.build } } : requested;
  const copyIgnored = request.copyIgnored && request.copyIgnored.paths.length > 0 ? request.copyIgnored : undefined;
  const [files, image, ignored] = await Promise.all([
    listRepoFiles(root),
    ensureImage(client, imageRequest, onEvent),
    copyIgnored ? listIgnoredFiles(copyIgnored.root, copyIgnored.paths) : undefined,
  ]);
  const setup = (request.setup ?? []).map((step): SetupCommand => (typeof step === "string" ? { command: step } : step));
  const workdir = image.workdir || fallbackWorkdir;

  progress("creating-container");
  const containerId = await createContainer(
    client,
    {
      image: image.id,
      labels: { ...request.labels, ...forkliftLabels(request.session, request.node, "base") },
      limits,
      network: request.setupNetwork === true && setup.length > 0,
      workdir,
    },
    false,
  );
  try {
    const owner = await resolveImageUser(client, containerId, image.user);
    const bytes = files.reduce((sum, file) => sum + file.size, 0);
    progress("copying-files", `${files.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
    await client.call((api) => api.getContainer(containerId).putArchive(packRepoFiles(files, owner) as unknown as NodeJS.ReadableStream, { path: workdir }));
    if (ignored) {
      const skipped = ignored.skippedLinks.length === 0 ? "" : `; ${ignored.skippedLinks.length} symbolic link(s) leading out of the repository left out: ${ignored.skippedLinks.slice(0, 3).join(", ")}${ignored.skippedLinks.length > 3 ? ", …" : ""}`;
      progress("copying-ignored", `${copyIgnored!.paths.join(", ")}: ${ignored.files} files, ${(ignored.bytes / 1024 ** 2).toFixed(1)} MiB${skipped}`);
      await client.call((api) => api.getContainer(containerId).putArchive(packIgnoredEntries(ignored.entries, owner) as unknown as NodeJS.ReadableStream, { path: workdir }));
    }

    if (setup.length > 0) {
      await client.call((api) => api.getContainer(containerId).start());
      for (const step of setup) {
        progress("running-setup", step.command);
        const result = await runExec(client, { id: containerId, workdir }, {
          command: step.command,
          timeoutMs: step.timeoutMs ?? 10 * 60_000,
          onOutput: (chunk) => emitEvent(onEvent, { type: "setup-output", session: request.session, command: step.command, stream: chunk.stream, text: chunk.text }),
        });
        if (result.status !== "exited" || result.exitCode !== 0) {
          const lastLine = (result.stderr.text.trim() || result.stdout.text.trim()).split("\n").pop() ?? "";
          throw new ForkliftError(
            "setup-failed",
            `setup command \`${step.command}\` ${describeOutcome(result)}${lastLine ? `: ${lastLine.slice(0, 200)}` : ""}; fix the spec's setup or the repository`,
            { cause: result },
          );
        }
      }
    }

    progress("committing");
    const id = await commitCheckpoint(client, containerId, request.session, request.node, request.labels);
    const durationMs = Math.round(performance.now() - started);
    progress("done", `${files.length} files`);
    return {
      id,
      session: request.session,
      node: request.node,
      baseImage: imageRequest.name,
      workdir,
      uid: owner.uid,
      gid: owner.gid,
      ...(request.labels && { labels: request.labels }),
      createdAt: new Date().toISOString(),
      durationMs,
    };
  } finally {
    await removeContainer(client, containerId).catch(() => undefined);
  }
}
