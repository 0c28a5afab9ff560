import { z } from "zod";

/**
 * The studio's settings as the renderer sees them. The API key itself never crosses to the
 * renderer (nor into a sandbox): only whether one is set and where it is kept.
 */
export const SettingsSchema = z.strictObject({
  llm: z.strictObject({
    baseUrl: z.string().optional(),
    model: z.string().optional(),
    hasKey: z.boolean(),
    /** `os-keychain`: encrypted with the OS (Electron safeStorage); `memory`: kept until the host exits; `environment`: from OPENAI_API_KEY or the spec's apiKeyEnv. */
    keyStorage: z.enum(["os-keychain", "memory", "environment", "none"]),
  }),
});
/** See {@link SettingsSchema}. */
export type Settings = z.infer<typeof SettingsSchema>;

/** A change to the settings: a field left out stays; `null` clears it. */
export const SettingsPatchSchema = z.strictObject({
  llm: z
    .strictObject({
      baseUrl: z.url().nullable().optional(),
      model: z.string().min(1).nullable().optional(),
      apiKey: z.string().min(1).nullable().optional(),
    })
    .optional(),
});
/** See {@link SettingsPatchSchema}. */
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
