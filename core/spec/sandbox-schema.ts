import { z } from "zod";
import { expecting, positiveInt, positiveNumber, repositoryPath, text } from "./field-schemas.ts";
import { atMostOneOf } from "./refinements.ts";

/** The image sandboxes start from when a spec names neither an image nor a Dockerfile. */
export const defaultSandboxImage = "forklift/node-base:20";

const units: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
const sizeText = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i;

/** A memory size: bytes, or text like "512m", "2g", "1.5GiB"; the output is bytes. */
const sizeExpected = expecting('a size such as "512m" or "2g", or a number of bytes');
export const MemorySizeSchema = z
  .union([positiveInt(), z.string().regex(sizeText, sizeExpected)], sizeExpected)
  .transform((size) => {
    if (typeof size === "number") return size;
    const [, amount = "0", unit = ""] = sizeText.exec(size) ?? [];
    return Math.round(Number(amount) * (units[unit.toLowerCase()] ?? 1));
  });

/** Resource limits of each sandbox container. */
export const LimitsSchema = z.strictObject({
  /** Bytes in the output; "2g"-style text in YAML. */
  memory: MemorySizeSchema.default(2 * 1024 ** 3),
  cpus: positiveNumber().default(1),
  pids: positiveInt().default(512),
});

/** The sandbox: what image it starts from, how it is set up, its limits. */
export const SandboxSchema = z
  .strictObject({
    image: text().optional(),
    /** Path of a Dockerfile, relative to the repository root (the build context is the repository, honouring its .dockerignore). */
    dockerfile: repositoryPath("the Dockerfile").optional(),
    /**
     * Git-ignored paths of the host's working tree (e.g. `node_modules`) copied into the base
     * sandbox before setup: dependencies without network. Tar-streamed, never mounted; symbolic
     * links are kept only when they stay inside the repository.
     */
    copyIgnored: z.array(repositoryPath("a copyIgnored path"), expecting("a list of paths relative to the repository root")).default([]),
    /** Shell commands run once in the repository (e.g. `npm ci`) before the root checkpoint is taken. */
    setup: z.array(text(), expecting("a list of commands")).default([]),
    /** Give setup commands the network (to install dependencies); checks never get it. */
    setupNetwork: z.boolean(expecting("true or false")).default(false),
    limits: LimitsSchema.prefault({}),
  })
  .superRefine(atMostOneOf("image", "dockerfile"))
  .transform(({ image, dockerfile, ...rest }) => ({
    base: dockerfile !== undefined
      ? ({ kind: "dockerfile", path: dockerfile } as const)
      : ({ kind: "image", name: image ?? defaultSandboxImage } as const),
    ...rest,
  }));
/** See {@link SandboxSchema}. */
export type SandboxSpec = z.infer<typeof SandboxSchema>;
