/** Reading and changing the studio's settings; the API key only ever goes to the engine, never back. */
import { toErrorValue } from "../../../shared/errors.ts";
import type { SettingsPatch } from "../../../shared/protocol/settings.ts";
import { engine } from "../engine/engine.ts";
import { reportError, reportInfo } from "../store/report.ts";
import { useStudio } from "../store/studio-store.ts";
import { loadSystem } from "../system/system-actions.ts";

/** Fetches the settings. */
export async function loadSettings(): Promise<void> {
  try {
    useStudio.setState({ settings: { kind: "ready", value: await engine().call("settings/get", {}) } });
  } catch (error) {
    useStudio.setState({ settings: { kind: "error", error: toErrorValue(error) } });
  }
}

/** Changes the settings; resolves true when the engine took them. */
export async function saveSettings(patch: SettingsPatch): Promise<boolean> {
  useStudio.setState({ settingsSaving: true, llmCheck: undefined });
  try {
    const settings = await engine().call("settings/set", patch);
    useStudio.setState({ settings: { kind: "ready", value: settings }, settingsSaving: false });
    reportInfo("Settings saved.");
    void loadSystem();
    return true;
  } catch (error) {
    useStudio.setState({ settingsSaving: false });
    reportError("saving the settings", error);
    return false;
  }
}
