/** The handlers of system/*: the machine's state for the studio's empty and error states, and the LLM endpoint check. */
import type { EngineApi } from "../../shared/protocol/contract.ts";
import type { LlmCheck } from "../../shared/protocol/system-status.ts";
import { checkLlmEndpoint, describeEndpointCheck } from "../generators/index.ts";
import type { EngineContext } from "./engine-context.ts";
import { forkliftVersion } from "./forklift-version.ts";
import { defaultLlmEndpoint, dockerAndBaseImage, llmStatus } from "./machine-status.ts";

/** How long the endpoint check may take per request. */
const llmCheckTimeoutMs = 30_000;

/** The handlers of system/status and system/checkLlm. */
export function systemHandlers(context: EngineContext): Pick<EngineApi, "system/status" | "system/checkLlm"> {
  return {
    async "system/status"() {
      return { ...(await dockerAndBaseImage(() => context.docker())), llm: llmStatus(context), storePath: context.store.path, version: forkliftVersion() };
    },
    async "system/checkLlm"() {
      const resolved = defaultLlmEndpoint(context);
      if ("problem" in resolved) return { ok: false, message: resolved.problem };
      return checkEndpoint(resolved.endpoint);
    },
  };
}

/** Lists the endpoint's models and asks for one small edit (as `npm run llm:check` does). */
async function checkEndpoint(endpoint: Parameters<typeof checkLlmEndpoint>[0]): Promise<LlmCheck> {
  try {
    const check = await checkLlmEndpoint(endpoint, { timeoutMs: llmCheckTimeoutMs });
    const { ok, lines } = describeEndpointCheck(endpoint, check);
    return {
      ok,
      message: lines.join("; "),
      ...(check.models.kind === "listed" && { models: check.models.ids }),
      latencyMs: check.hypothesis.provenance.latencyMs,
    };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the endpoint ${endpoint.baseUrl} could not be checked: ${text.split("\n")[0]}` };
  }
}
