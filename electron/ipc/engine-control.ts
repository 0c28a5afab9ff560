/**
 * The private channel between the main process and the engine process (never the renderer):
 * startup, the renderer connections, and the settings the engine may not keep itself (the
 * main process owns safeStorage, so it decrypts the API key and hands it over for the LLM
 * calls only). Both ends parse every message with these schemas.
 */
import { z } from "zod";
import { ErrorValueSchema } from "../../shared/protocol/wire.ts";
import { SettingsPatchSchema } from "../../shared/protocol/settings.ts";

const connection = z.number().int().nonnegative();
const requestId = z.number().int().nonnegative();

/** The LLM settings as the engine uses them: the key included, so this crosses only the private channel. */
export const LlmSecretsSchema = z.strictObject({ baseUrl: z.string().optional(), model: z.string().optional(), apiKey: z.string().optional() });
/** See {@link LlmSecretsSchema}. */
export type LlmSecrets = z.infer<typeof LlmSecretsSchema>;

/** Where a key entered in the studio is kept: encrypted by the OS (safeStorage), or in memory only where the OS offers no real encryption. */
export const KeyStorageSchema = z.enum(["os-keychain", "memory"]);

/** Messages from the main process to the engine process. */
export const ToEngineSchema = z.discriminatedUnion("kind", [
  /** Open the store and start the engine with these settings. */
  z.strictObject({ kind: z.literal("init"), storePath: z.string().min(1), llm: LlmSecretsSchema, keyStorage: KeyStorageSchema }),
  /** A renderer connected: its MessagePort comes with this message (utility process). */
  z.strictObject({ kind: z.literal("connect"), connection }),
  /** A wire message from a renderer connection, relayed by the main process (Node child process, which cannot take a MessagePort). */
  z.strictObject({ kind: z.literal("rpc"), connection, message: z.unknown() }),
  /** A relayed renderer connection closed (page reloaded or window closed). */
  z.strictObject({ kind: z.literal("disconnect"), connection }),
  /** The answer to `save-settings`: the settings as they now are, or why they could not be saved. */
  z.strictObject({
    kind: z.literal("settings-saved"),
    requestId,
    outcome: z.discriminatedUnion("ok", [
      z.strictObject({ ok: z.literal(true), llm: LlmSecretsSchema, keyStorage: KeyStorageSchema }),
      z.strictObject({ ok: z.literal(false), error: ErrorValueSchema }),
    ]),
  }),
  /** Pause every run, close the store and exit. */
  z.strictObject({ kind: z.literal("shutdown") }),
]);
/** See {@link ToEngineSchema}. */
export type ToEngine = z.infer<typeof ToEngineSchema>;

/** Messages from the engine process to the main process. */
export const FromEngineSchema = z.discriminatedUnion("kind", [
  /** The store is open and the engine serves connections. */
  z.strictObject({ kind: z.literal("ready") }),
  /** The engine could not start: one line that says what to do. */
  z.strictObject({ kind: z.literal("fatal"), error: ErrorValueSchema }),
  /** settings/set: persist this change (the main process encrypts the key) and answer with `settings-saved`. */
  z.strictObject({ kind: z.literal("save-settings"), requestId, patch: SettingsPatchSchema }),
  /** A wire message for a relayed renderer connection. */
  z.strictObject({ kind: z.literal("rpc"), connection, message: z.unknown() }),
]);
/** See {@link FromEngineSchema}. */
export type FromEngine = z.infer<typeof FromEngineSchema>;
