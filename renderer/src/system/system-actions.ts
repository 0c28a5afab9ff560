/** Asking the engine about the machine (Docker, base image, LLM) and checking the LLM endpoint. */
import { toErrorValue } from "../../../shared/errors.ts";
import { engine } from "../engine/engine.ts";
import { useStudio } from "../store/studio-store.ts";

/** Fetches the machine's status. */
export async function loadSystem(): Promise<void> {
  try {
    useStudio.setState({ system: { kind: "ready", value: await engine().call("system/status", {}) } });
  } catch (error) {
    useStudio.setState({ system: { kind: "error", error: toErrorValue(error) } });
  }
}

/** Asks the configured LLM endpoint whether it answers. */
export async function checkLlm(): Promise<void> {
  useStudio.setState({ llmCheck: { kind: "loading" } });
  try {
    useStudio.setState({ llmCheck: { kind: "ready", value: await engine().call("system/checkLlm", {}) } });
  } catch (error) {
    useStudio.setState({ llmCheck: { kind: "error", error: toErrorValue(error) } });
  }
}
