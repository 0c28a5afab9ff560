/**
 * The create options of every sandbox container, in one place so the security defaults cannot be
 * forgotten by one code path: no network (only the setup step may opt in), all capabilities
 * dropped, no privilege escalation, memory/CPU/process limits, no host mounts, an idle init as
 * PID 1 (`docker-init` running `sleep infinity`), the image's own user.
 */
import type { ContainerCreateOptions } from "dockerode";
import type { ResourceLimits } from "../sandbox-limits.ts";

/** What differs between sandbox containers. */
export interface ContainerSpecInput {
  readonly image: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly limits: ResourceLimits;
  /** Bridge networking; only for the setup step of a base checkpoint. */
  readonly network?: boolean;
  readonly workdir?: string;
}

/** Docker create options for a sandbox container. */
export function containerSpec(input: ContainerSpecInput): ContainerCreateOptions {
  return {
    Image: input.image,
    // Both set explicitly: an empty list would mean "keep the image's", appending e.g. its CMD.
    Entrypoint: ["sleep"],
    Cmd: ["infinity"],
    Labels: { ...input.labels },
    ...(input.workdir ? { WorkingDir: input.workdir } : {}),
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    Tty: false,
    OpenStdin: false,
    HostConfig: {
      Init: true,
      NetworkMode: input.network ? "bridge" : "none",
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      Privileged: false,
      Memory: input.limits.memoryBytes,
      MemorySwap: input.limits.memoryBytes,
      NanoCpus: Math.round(input.limits.cpus * 1e9),
      PidsLimit: input.limits.pids,
      Binds: [],
      Mounts: [],
      RestartPolicy: { Name: "no" },
      AutoRemove: false,
    },
  };
}
