/**
 * `npm run llm:check`: resolves the endpoint from the environment (OPENAI_BASE_URL,
 * OPENAI_API_KEY, FORKLIFT_MODEL) and checks it end to end. Exit 0 when it works, 1 when the
 * endpoint answered wrongly or not at all, 2 when the configuration is incomplete.
 */
import { ForkliftError } from "../../shared/errors.ts";
import { checkLlmEndpoint, describeEndpointCheck } from "./check-llm-endpoint.ts";
import { resolveLlmEndpoint } from "./llm-endpoint.ts";

try {
  const endpoint = resolveLlmEndpoint({}, process.env);
  const check = await checkLlmEndpoint(endpoint);
  const { ok, lines } = describeEndpointCheck(endpoint, check);
  for (const line of lines) console.log(line);
  process.exitCode = ok ? 0 : 1;
} catch (error) {
  if (!(error instanceof ForkliftError)) throw error;
  console.error(`forklift: ${error.message}`);
  process.exitCode = 2;
}
