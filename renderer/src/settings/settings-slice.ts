/** The studio's settings as the engine reports them (never the API key itself). */
import type { Settings } from "../../../shared/protocol/settings.ts";
import type { Loadable } from "../store/loadable.ts";
import type { StudioSlice } from "../store/studio-store.ts";

/** See the module comment. */
export interface SettingsSlice {
  settings: Loadable<Settings>;
  settingsSaving: boolean;
}

/** Creates the settings slice. */
export const createSettingsSlice: StudioSlice<SettingsSlice> = () => ({ settings: { kind: "loading" }, settingsSaving: false });
