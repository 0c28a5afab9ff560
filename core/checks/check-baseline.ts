/**
 * What a check says at a checkpoint, measured once and kept: its report (or why it gave none),
 * and which tests are flaky there. Plain JSON, validated by {@link CheckBaselineSchema} when it
 * comes back from the store.
 */
import { z } from "zod";
import { CheckParserSchema } from "../spec/check-schema.ts";
import { FastCheckDiagnosticSchema as DiagnosticSchema } from "../fastcheck/index.ts";


const TestResultSchema = z.object({ id: z.string(), status: z.enum(["passed", "failed", "skipped"]), message: z.string().optional() });

const LintFindingSchema = z.object({
  file: z.string(),
  ruleId: z.string().optional(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
});

/** A parsed report (see check-report.ts). */
export const CheckReportSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("diagnostics"), diagnostics: z.array(DiagnosticSchema).readonly() }),
  z.object({ kind: z.literal("tests"), tests: z.array(TestResultSchema).readonly() }),
  z.object({ kind: z.literal("lint"), findings: z.array(LintFindingSchema).readonly() }),
  z.object({ kind: z.literal("exit-code"), exitCode: z.number().int() }),
]);

/** The baseline of one check at one checkpoint. */
export const CheckBaselineSchema = z.object({
  version: z.literal(1),
  checkpointId: z.string().min(1),
  check: z.string().min(1),
  /** checkFingerprint of the check it was measured with; another command means another baseline. */
  fingerprint: z.string(),
  parser: CheckParserSchema,
  /** The first run's report, or why the command left none. */
  outcome: z.discriminatedUnion("status", [
    z.object({ status: z.literal("reported"), report: CheckReportSchema }),
    z.object({ status: z.literal("no-report"), reason: z.string() }),
  ]),
  /** Test ids whose two baseline runs disagreed (different status, or present in one run only): ignored when judging. */
  flakyTests: z.array(z.string()),
  /** One baseline run left a report and the other did not: a missing report proves nothing against a hypothesis. */
  flakyReport: z.boolean(),
  runs: z.number().int().positive(),
  /** Duration of the first run. */
  durationMs: z.number().nonnegative(),
  measuredAt: z.string(),
});
/** See {@link CheckBaselineSchema}. */
export type CheckBaseline = z.infer<typeof CheckBaselineSchema>;
