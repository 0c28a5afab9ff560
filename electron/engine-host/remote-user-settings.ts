/**
 * The engine's settings dependency in the Electron host: the main process owns the settings file
 * and safeStorage, so a change is sent there to be encrypted and persisted, and the engine keeps
 * only the decrypted result in memory, for the LLM client. The key never leaves this process
 * towards a renderer (settings/get shows whether one is set) nor towards a sandbox.
 */
import type { SettingsPatch } from "../../shared/protocol/settings.ts";
import type { KeyStorage, UserSettings } from "../../core/engine/user-settings.ts";
import type { LlmSecrets } from "../ipc/engine-control.ts";

/** What the main process answers to a saved change. */
export interface SavedSettings {
  llm: LlmSecrets;
  keyStorage: KeyStorage;
}

/** Settings that start from what the main process sent at init and persist through `save`. */
export function remoteUserSettings(initial: SavedSettings, save: (patch: SettingsPatch) => Promise<SavedSettings>): UserSettings {
  let current: SavedSettings = { llm: { ...initial.llm }, keyStorage: initial.keyStorage };
  return {
    llm: () => ({ ...current.llm }),
    get keyStorage() {
      return current.keyStorage;
    },
    async update(patch) {
      const saved = await save(patch);
      current = { llm: { ...saved.llm }, keyStorage: saved.keyStorage };
    },
  };
}
