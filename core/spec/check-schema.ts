import { z } from "zod";
import { CheckModeSchema } from "../../shared/domain/check-summary.ts";
import { identifier, nonNegativeNumber, positiveNumber, text } from "./field-schemas.ts";

/** How a check's output is read into failures that can be compared with the baseline. */
export const CheckParserSchema = z.enum(["tsc", "tap", "junit", "vitest-json", "jest-json", "eslint-json", "prettier-check", "exit-code"]);
/** See {@link CheckParserSchema}. */
export type CheckParser = z.infer<typeof CheckParserSchema>;

/** One check run on a node: a command in the sandbox and how to read what it prints. */
export const CheckSchema = z.strictObject({
  name: identifier(),
  /** A shell command run from the repository root inside the sandbox. */
  command: text(),
  parser: CheckParserSchema,
  timeoutSec: positiveNumber().default(300),
  /** `gate`: a new failure makes the node invalid; `score`: new failures only lower its score. */
  mode: CheckModeSchema.default("gate"),
  weight: nonNegativeNumber().default(1),
});
/** See {@link CheckSchema}. */
export type CheckSpec = z.infer<typeof CheckSchema>;
