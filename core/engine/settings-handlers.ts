/** The handlers of settings/*: what the user chose for the LLM, shown without the key. */
import type { EngineApi } from "../../shared/protocol/contract.ts";
import type { Settings } from "../../shared/protocol/settings.ts";
import type { EngineContext } from "./engine-context.ts";

/** The variable the environment's key is read from when a spec names none. */
const defaultKeyVariable = "OPENAI_API_KEY";

/** The handlers of settings/get and settings/set. */
export function settingsHandlers(context: EngineContext): Pick<EngineApi, "settings/get" | "settings/set"> {
  return {
    async "settings/get"() {
      return settingsView(context);
    },
    async "settings/set"(patch) {
      await context.settings.update(patch);
      return settingsView(context);
    },
  };
}

/** The settings as a client may see them: whether a key is set and where it is kept, never the key. */
export function settingsView(context: Pick<EngineContext, "settings" | "env">): Settings {
  const { baseUrl, model, apiKey } = context.settings.llm();
  const environmentKey = context.env[defaultKeyVariable]?.trim();
  const keyStorage = apiKey ? context.settings.keyStorage : environmentKey ? "environment" : "none";
  return { llm: { ...(baseUrl && { baseUrl }), ...(model && { model }), hasKey: keyStorage !== "none", keyStorage } };
}
