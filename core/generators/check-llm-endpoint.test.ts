import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { checkLlmEndpoint, describeEndpointCheck } from "./check-llm-endpoint.ts";
import { startScriptedOpenAiServer } from "./testing/scripted-openai-server.ts";
import type { ScriptedOpenAiServer } from "./testing/scripted-openai-server.ts";

const goodReply = `src/greet.ts
<<<<<<< SEARCH
  return "Hello, " + name;
=======
  return \`Hello, \${name}\`;
>>>>>>> REPLACE`;

let server: ScriptedOpenAiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("checkLlmEndpoint", () => {
  it("lists the model and gets an edit that applies", async () => {
    server = await startScriptedOpenAiServer({ models: ["qwen2.5-coder:7b"], replies: [{ kind: "text", content: goodReply }] });
    const endpoint = { baseUrl: server.baseUrl, model: "qwen2.5-coder:7b", apiKey: "forklift-no-key", hasKey: false };
    const check = await checkLlmEndpoint(endpoint);
    expect(check.models).toEqual({ kind: "listed", ids: ["qwen2.5-coder:7b"] });
    expect(check.hypothesis.kind).toBe("valid");
    const { ok, lines } = describeEndpointCheck(endpoint, check);
    expect(ok).toBe(true);
    expect(lines).toContain("models: qwen2.5-coder:7b is listed");
    expect(lines.at(-1)).toBe("edit: applied");
  });

  it("runs as `npm run llm:check` from the environment, exit code saying whether the endpoint works", async () => {
    server = await startScriptedOpenAiServer({ models: ["m"], replies: [{ kind: "error", status: 401, message: "Incorrect API key provided" }] });
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, ["--import", "tsx", "core/generators/check-llm-endpoint-main.ts"], {
        env: { PATH: process.env.PATH ?? "", ...env },
      }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
    const failed = await run({ OPENAI_BASE_URL: server.baseUrl, FORKLIFT_MODEL: "m" });
    expect(failed.code).toBe(1);
    expect(failed.out).toContain("edit: FAILED (endpoint-error): HTTP 401: 401 Incorrect API key provided");
    const unconfigured = await run({ FORKLIFT_MODEL: "gpt-4.1-mini" });
    expect(unconfigured).toEqual({ code: 2, out: "forklift: OPENAI_API_KEY is not set: export your OpenAI API key, or set OPENAI_BASE_URL to a local endpoint\n" });
  });
});
