/**
 * The settings: the LLM endpoint, model and API key. The key field is write-only: the engine
 * never sends a key back, only whether one is set and where it is kept. "Check endpoint" asks
 * the endpoint for its models (system/checkLlm).
 */
import { useEffect, useState } from "react";
import type { Settings, SettingsPatch } from "../../../shared/protocol/settings.ts";
import { useStudio } from "../store/studio-store.ts";
import { ErrorState, Loading } from "../ui/error-state.tsx";
import { checkLlm } from "../system/system-actions.ts";
import { loadSettings, saveSettings } from "./settings-actions.ts";

const keyStorageText: Record<Settings["llm"]["keyStorage"], string> = {
  "os-keychain": "encrypted with your operating system's keychain (Electron safeStorage)",
  memory: "in the studio host's memory only, until it exits",
  environment: "in the environment (OPENAI_API_KEY or the spec's apiKeyEnv)",
  none: "nowhere: no key is set",
};

/** See the module comment. */
export function SettingsPanel() {
  const settings = useStudio((state) => state.settings);
  useEffect(() => void loadSettings(), []);
  return (
    <div className="panel" data-testid="settings-panel">
      <div className="pane-header">
        <span>Settings</span>
        <span className="spacer" />
        <button className="small" onClick={() => useStudio.setState({ panel: undefined })}>
          Close
        </button>
      </div>
      {settings.kind === "loading" && <Loading what="Loading the settings" />}
      {settings.kind === "error" && (
        <ErrorState code={settings.error.code} title="The settings could not be read" action={<button onClick={() => void loadSettings()}>Retry</button>}>
          {settings.error.message}
        </ErrorState>
      )}
      {settings.kind === "ready" && <LlmSettingsForm settings={settings.value} />}
    </div>
  );
}

function LlmSettingsForm({ settings }: { settings: Settings }) {
  const saving = useStudio((state) => state.settingsSaving);
  const [baseUrl, setBaseUrl] = useState(settings.llm.baseUrl ?? "");
  const [model, setModel] = useState(settings.llm.model ?? "");
  const [apiKey, setApiKey] = useState("");
  const patch = (): SettingsPatch => ({
    llm: {
      baseUrl: baseUrl.trim() ? baseUrl.trim() : null,
      model: model.trim() ? model.trim() : null,
      ...(apiKey ? { apiKey } : {}),
    },
  });
  return (
    <form
      className="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        void saveSettings(patch()).then((saved) => saved && setApiKey(""));
      }}
    >
      <h3>LLM endpoint</h3>
      <p className="muted">Any server speaking the OpenAI chat-completions protocol: OpenAI, Ollama, vLLM, LM Studio. Empty fields fall back to OPENAI_BASE_URL and FORKLIFT_MODEL.</p>
      <label className="field">
        <span>Base URL</span>
        <input data-testid="settings-base-url" value={baseUrl} placeholder="https://api.openai.com/v1" spellCheck={false} onChange={(event) => setBaseUrl(event.target.value)} />
      </label>
      <label className="field">
        <span>Model</span>
        <input data-testid="settings-model" value={model} placeholder="gpt-4.1-mini" spellCheck={false} onChange={(event) => setModel(event.target.value)} />
      </label>
      <label className="field">
        <span>API key</span>
        <input
          data-testid="settings-api-key"
          type="password"
          autoComplete="off"
          value={apiKey}
          placeholder={settings.llm.hasKey ? "•••••• set (type to replace)" : "not set"}
          onChange={(event) => setApiKey(event.target.value)}
        />
        <span className="hint">
          Write-only: the studio never shows a stored key. Kept {keyStorageText[settings.llm.keyStorage]}.{" "}
          {settings.llm.hasKey && settings.llm.keyStorage !== "environment" && (
            <button type="button" className="link-button" onClick={() => void saveSettings({ llm: { apiKey: null } })}>
              Forget the key
            </button>
          )}
        </span>
      </label>
      <div className="form-buttons">
        <button type="button" data-testid="settings-check-llm" onClick={() => void checkLlm()} title="Ask the endpoint for its models">
          Check endpoint
        </button>
        <span className="spacer" />
        <button type="submit" className="primary" disabled={saving}>
          {saving ? "Saving…" : "Save"}
        </button>
      </div>
      <LlmCheckResult />
    </form>
  );
}

function LlmCheckResult() {
  const check = useStudio((state) => state.llmCheck);
  if (!check) return null;
  if (check.kind === "loading") return <Loading what="Asking the endpoint" />;
  if (check.kind === "error")
    return (
      <ErrorState code={check.error.code} title="The endpoint could not be checked">
        {check.error.message}
      </ErrorState>
    );
  if (!check.value.ok)
    return (
      <ErrorState code="llm-unreachable" title="The endpoint did not answer as expected">
        {check.value.message}
      </ErrorState>
    );
  return (
    <div className="llm-check ok" data-testid="llm-check" data-ok="true">
      ✓ {check.value.message}
      {check.value.latencyMs !== undefined && ` (${Math.round(check.value.latencyMs)} ms)`}
      {check.value.models && check.value.models.length > 0 && <div className="muted">models: {check.value.models.slice(0, 12).join(", ")}</div>}
    </div>
  );
}
