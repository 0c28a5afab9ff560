import { describe, expect, it } from "vitest";
import { ForkliftError } from "../../shared/errors.ts";
import { placeholderApiKey, resolveLlmEndpoint } from "./llm-endpoint.ts";

describe("resolveLlmEndpoint", () => {
  it("takes the spec's settings before the environment", () => {
    const endpoint = resolveLlmEndpoint(
      { model: "qwen2.5-coder:7b", baseUrl: "http://localhost:11434/v1" },
      { FORKLIFT_MODEL: "gpt-4.1", OPENAI_BASE_URL: "https://api.openai.com/v1", OPENAI_API_KEY: "sk-env" },
    );
    expect(endpoint).toEqual({ baseUrl: "http://localhost:11434/v1", model: "qwen2.5-coder:7b", apiKey: "sk-env", hasKey: true });
  });

  it("defaults to OpenAI and needs a key there", () => {
    const endpoint = resolveLlmEndpoint({}, { FORKLIFT_MODEL: "gpt-4.1-mini", OPENAI_API_KEY: "sk-1" });
    expect(endpoint.baseUrl).toBe("https://api.openai.com/v1");
    const missing = () => resolveLlmEndpoint({}, { FORKLIFT_MODEL: "gpt-4.1-mini" });
    expect(missing).toThrow(ForkliftError);
    expect(missing).toThrow(/OPENAI_API_KEY is not set/);
  });

  it("sends a placeholder key to a local endpoint that needs none", () => {
    const endpoint = resolveLlmEndpoint({}, { OPENAI_BASE_URL: "http://127.0.0.1:8000/v1", FORKLIFT_MODEL: "Qwen/Qwen2.5-Coder-7B-Instruct" });
    expect(endpoint).toMatchObject({ apiKey: placeholderApiKey, hasKey: false });
  });

  it("reads the key from the variable the spec names", () => {
    const env = { MY_KEY: "k", FORKLIFT_MODEL: "m" };
    expect(resolveLlmEndpoint({ apiKeyEnv: "MY_KEY", baseUrl: "http://localhost:1234/v1" }, env).apiKey).toBe("k");
    expect(resolveLlmEndpoint({ apiKeyEnv: "OTHER_KEY", baseUrl: "http://localhost:1234/v1" }, env).hasKey).toBe(false);
    expect(() => resolveLlmEndpoint({ apiKeyEnv: "OTHER_KEY" }, env)).toThrow("OTHER_KEY is not set: export your OpenAI API key, or set OPENAI_BASE_URL to a local endpoint");
  });

  it("puts the studio's settings after the spec's and before the environment; the studio's key comes first", () => {
    const env = { OPENAI_BASE_URL: "http://env:1/v1", FORKLIFT_MODEL: "env-model", OPENAI_API_KEY: "env-key" };
    const user = { baseUrl: "http://studio:2/v1", model: "studio-model", apiKey: "studio-key" };
    expect(resolveLlmEndpoint({}, env, user)).toEqual({ baseUrl: "http://studio:2/v1", model: "studio-model", apiKey: "studio-key", hasKey: true });
    expect(resolveLlmEndpoint({ baseUrl: "http://spec:3/v1", model: "spec-model" }, env, user)).toMatchObject({ baseUrl: "http://spec:3/v1", model: "spec-model", apiKey: "studio-key" });
    expect(resolveLlmEndpoint({}, env, { model: "studio-model" })).toMatchObject({ baseUrl: "http://env:1/v1", model: "studio-model", apiKey: "env-key" });
    expect(resolveLlmEndpoint({}, {}, { apiKey: "sk-1", model: "gpt-4.1-mini" })).toMatchObject({ baseUrl: "https://api.openai.com/v1", hasKey: true });
  });

  it("needs a model and a URL that parses", () => {
    expect(() => resolveLlmEndpoint({}, { OPENAI_API_KEY: "k" })).toThrow(/no LLM model set/);
    try {
      resolveLlmEndpoint({ baseUrl: "localhost:11434" }, { FORKLIFT_MODEL: "m" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ForkliftError);
      expect((error as ForkliftError).code).toBe("llm-not-configured");
    }
  });
});
