import { z } from "zod";
import { CheckSummarySchema } from "../domain/check-summary.ts";

/** One check run on one node in full: its summary, which failures are new or fixed, and the captured output. */
export const CheckDetailSchema = z.strictObject({
  summary: CheckSummarySchema,
  /** The command as the spec gives it. */
  command: z.string().optional(),
  exitCode: z.number().int().optional(),
  /** Names of the failures the baseline did not have (test ids, `file: code message`), at most a few hundred. */
  newFailures: z.array(z.string()),
  /** Names of baseline failures that no longer occur. */
  fixedFailures: z.array(z.string()),
  /** The run's captured output (stdout then stderr), capped: head and tail kept. Absent when none was stored. */
  output: z.string().optional(),
  /** The output was cut to fit the cap. */
  outputTruncated: z.boolean(),
});
/** See {@link CheckDetailSchema}. */
export type CheckDetail = z.infer<typeof CheckDetailSchema>;
