/**
 * The user's own settings as the engine depends on them: the LLM endpoint, model and key that the
 * generators use in preference to the environment. Each host keeps them its own way (the browser
 * host: a JSON file for the endpoint and model, the key in memory; Electron: the key encrypted
 * with safeStorage). The key goes to the LLM client only: never to a client, a log or a sandbox.
 */
import type { SettingsPatch } from "../../shared/protocol/settings.ts";
import type { LlmUserSettings } from "../generators/index.ts";

/** Where a key set in the studio is kept (see SettingsSchema's keyStorage). */
export type KeyStorage = "os-keychain" | "memory";

/** The engine dependency `settings`: read by the generators, changed by `settings/set`. */
export interface UserSettings {
  /** What the generators use (the key included: never send this to a client). */
  llm(): LlmUserSettings;
  /** Where a key set through {@link update} is kept. */
  readonly keyStorage: KeyStorage;
  /** Applies a change (a field left out stays, null clears it) and persists what this host persists. */
  update(patch: SettingsPatch): Promise<void>;
}

/** Applies a settings patch to the LLM settings (pure). */
export function patchLlmSettings(current: LlmUserSettings, patch: SettingsPatch): LlmUserSettings {
  const next: LlmUserSettings = { ...current };
  const change = patch.llm ?? {};
  for (const key of ["baseUrl", "model", "apiKey"] as const) {
    const value = change[key];
    if (value === undefined) continue;
    const kept = value?.trim();
    if (kept) next[key] = kept;
    else delete next[key]; // null or blank clears it

  }
  return next;
}

/** Settings held in memory for the life of the engine (the default: the CLI reads the spec and the environment only). */
export function memoryUserSettings(initial: LlmUserSettings = {}): UserSettings {
  let llm: LlmUserSettings = { ...initial };
  return {
    llm: () => ({ ...llm }),
    keyStorage: "memory",
    async update(patch) {
      llm = patchLlmSettings(llm, patch);
    },
  };
}
