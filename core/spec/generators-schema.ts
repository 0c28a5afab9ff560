import { z } from "zod";
import { expecting, positiveInt, text } from "./field-schemas.ts";
import { uniqueBy } from "./refinements.ts";
import { RecipeRuleSchema } from "./spec-rule-schema.ts";

const temperature = z.number(expecting("a temperature from 0 to 2")).min(0, expecting("a temperature from 0 to 2")).max(2, expecting("a temperature from 0 to 2"));

/** An environment variable's name: the spec names where the key is, never the key itself. */
const envName = z
  .string(expecting("the name of an environment variable"))
  .regex(/^[A-Z_][A-Z0-9_]*$/, expecting("the name of an environment variable that holds the key (e.g. OPENAI_API_KEY), not the key itself"));

/** Whether a URL carries a user name or password (`https://user:key@host/v1`). */
function hasCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== "" || parsed.password !== "";
  } catch {
    return false;
  }
}

/** The LLM generator: any server that speaks the OpenAI chat-completions protocol. */
export const LlmGeneratorSchema = z
  .strictObject({
    model: text(),
    /** One temperature, or several to spread the hypotheses of one node over. */
    temperature: z.union([temperature, z.array(temperature).min(1)], expecting("a temperature from 0 to 2, or a list of them")).default(0.2),
    /** The server's base URL (default: OpenAI's), e.g. http://127.0.0.1:11434/v1 for a local one; never with credentials in it. */
    baseUrl: z
      .url(expecting("a URL such as http://127.0.0.1:8080/v1"))
      .refine((url) => !hasCredentials(url), {
        message: "a URL with a user or key in it (https://user:key@host) puts a secret in the spec: write the URL without it and put the key in the environment variable apiKeyEnv names",
      })
      .optional(),
    apiKeyEnv: envName.default("OPENAI_API_KEY"),
    maxOutputTokens: positiveInt().default(4096),
  })
  .transform(({ temperature, ...rest }) => ({ ...rest, temperatures: Array.isArray(temperature) ? temperature : [temperature] }));
/** See {@link LlmGeneratorSchema}. */
export type LlmGeneratorSpec = z.infer<typeof LlmGeneratorSchema>;

/** Where hypotheses come from besides the user: structural recipes and an LLM, either or both. */
export const GeneratorsSchema = z.strictObject({
  /** Rewrite rules in the targets' format, each with `fix` or `fixes`; each alternative fix is a separate hypothesis. */
  recipe: z.strictObject({ rules: z.array(RecipeRuleSchema).min(1, expecting("at least one rule")).superRefine(uniqueBy("id")) }).optional(),
  llm: LlmGeneratorSchema.optional(),
});
/** See {@link GeneratorsSchema}. */
export type GeneratorsSpec = z.infer<typeof GeneratorsSchema>;
