import { z } from "zod";

const bytes = z.number().int().nonnegative();

/** A checkpoint image on the Docker host, with the session and node it belongs to (when labelled). */
export const CheckpointEntrySchema = z.strictObject({
  imageId: z.string().min(1),
  sessionId: z.string().optional(),
  nodeId: z.string().optional(),
  /** Bytes this image adds over its parent layers. */
  sizeBytes: bytes,
  createdAt: z.number().int().nonnegative(),
  /** Its session is live (preparing, running, paused), so gc keeps it. */
  live: z.boolean(),
});
/** See {@link CheckpointEntrySchema}. */
export type CheckpointEntry = z.infer<typeof CheckpointEntrySchema>;

/** A Forklift container on the Docker host (base, fork, warm-pool member). */
export const ContainerEntrySchema = z.strictObject({
  containerId: z.string().min(1),
  sessionId: z.string().optional(),
  nodeId: z.string().optional(),
  /** The forklift.role label: base, fork, checkpoint, image. */
  role: z.string(),
  /** Docker's state: created, running, exited… */
  state: z.string(),
  createdAt: z.number().int().nonnegative(),
  /** Bytes written in the container's own layer, when Docker reports it. */
  sizeBytes: bytes.optional(),
  live: z.boolean(),
});
/** See {@link ContainerEntrySchema}. */
export type ContainerEntry = z.infer<typeof ContainerEntrySchema>;

/** Forklift's sandboxes on the Docker host: checkpoints and containers, with the disk they use. */
export const SandboxListingSchema = z.strictObject({
  checkpoints: z.array(CheckpointEntrySchema),
  containers: z.array(ContainerEntrySchema),
  /** Sum of the checkpoints' and containers' own sizes. */
  diskBytes: bytes,
});
/** See {@link SandboxListingSchema}. */
export type SandboxListing = z.infer<typeof SandboxListingSchema>;

/** What `sandbox/gc` removed, or with `dryRun` would remove. */
export const GcReportSchema = z.strictObject({
  dryRun: z.boolean(),
  containers: z.array(z.strictObject({ id: z.string(), sessionId: z.string().optional(), nodeId: z.string().optional() })),
  images: z.array(z.strictObject({ id: z.string(), sessionId: z.string().optional(), nodeId: z.string().optional(), sizeBytes: bytes.optional() })),
  failed: z.array(z.strictObject({ id: z.string(), reason: z.string() })),
  /** Disk given back (or that would be). */
  reclaimedBytes: bytes,
});
/** See {@link GcReportSchema}. */
export type GcReport = z.infer<typeof GcReportSchema>;
