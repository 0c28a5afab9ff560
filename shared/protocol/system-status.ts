import { z } from "zod";

/** Whether the Docker engine answers, and if not, why (each reason has its own remedy in the UI). */
export const DockerStatusSchema = z.discriminatedUnion("state", [
  z.strictObject({ state: z.literal("ready"), endpoint: z.string(), version: z.string().optional() }),
  z.strictObject({
    state: z.enum(["not-installed", "not-running", "permission-denied", "unreachable"]),
    /** One line that says what to do. */
    message: z.string(),
  }),
]);
/** See {@link DockerStatusSchema}. */
export type DockerStatus = z.infer<typeof DockerStatusSchema>;

/**
 * What the engine needs from the machine, for the studio's empty and error states: Docker, the
 * offline base image, the LLM endpoint, the store. Cheap to ask: no container is created.
 */
export const SystemStatusSchema = z.strictObject({
  docker: DockerStatusSchema,
  baseImage: z.strictObject({
    name: z.string(),
    /** `unknown` when Docker does not answer. */
    state: z.enum(["present", "missing", "unknown"]),
    /** What to do when it is missing, e.g. "run npm run build:base-image". */
    message: z.string().optional(),
  }),
  llm: z.strictObject({
    /** `configured`: a model and an endpoint are set (reachability is `system/checkLlm`). */
    state: z.enum(["configured", "not-configured"]),
    baseUrl: z.string().optional(),
    model: z.string().optional(),
    message: z.string().optional(),
  }),
  /** The SQLite file this engine reads and writes. */
  storePath: z.string(),
  /** Forklift's version (package.json). */
  version: z.string(),
});
/** See {@link SystemStatusSchema}. */
export type SystemStatus = z.infer<typeof SystemStatusSchema>;

/** The answer of `system/checkLlm`: whether the endpoint answered, with the models it lists. */
export const LlmCheckSchema = z.strictObject({
  ok: z.boolean(),
  /** One line: what answered, or what failed and what to check. */
  message: z.string(),
  models: z.array(z.string()).optional(),
  latencyMs: z.number().nonnegative().optional(),
});
/** See {@link LlmCheckSchema}. */
export type LlmCheck = z.infer<typeof LlmCheckSchema>;
