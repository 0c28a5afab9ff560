/**
 * The JSON-lines protocol of containers/agents/typecheck-agent.mjs, as seen by the driver: the
 * requests it sends and a validating parser for every line the agent may write.
 */
import { z } from "zod";
import type { FileChanges } from "../../shared/file-changes.ts";

/** A request line. Ids are the driver's own and unique per agent process. */
export type AgentRequest =
  | { readonly id: string; readonly overlay: FileChanges }
  | { readonly id: string; readonly baseline: true }
  | { readonly id: string; readonly cancel: string };

/** One diagnostic as the agent reports it (shared with the slow checks' stored baselines). */
export const FastCheckDiagnosticSchema = z.object({
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  code: z.number().int(),
  category: z.enum(["error", "warning", "suggestion", "message"]),
  message: z.string(),
});
const id = z.union([z.string(), z.number()]).optional();

const agentMessage = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("hello"),
    protocol: z.number(),
    typescript: z.string().nullable(),
    reason: z.string().optional(),
    detail: z.string().optional(),
    tsconfig: z.string().nullable().optional(),
    rootFiles: z.number().optional(),
    sourceFiles: z.number().optional(),
    baselineMs: z.number().optional(),
    baselineDiagnostics: z.number().optional(),
    pid: z.number(),
  }),
  z.object({ kind: z.literal("result"), id, diagnostics: z.array(FastCheckDiagnosticSchema), files: z.array(z.string()), ms: z.number(), cpuMs: z.number().optional() }),
  z.object({ kind: z.literal("error"), id, code: z.string(), message: z.string() }),
  z.object({ kind: z.literal("cancel-ack"), id, target: z.unknown(), found: z.boolean() }),
]);

/** One line the agent wrote, validated. */
export type AgentMessage = z.infer<typeof agentMessage>;

/** Parses one agent line; `undefined` when it is not a protocol line. */
export function parseAgentLine(line: string): AgentMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = agentMessage.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Serializes a request as one line. */
export function formatAgentRequest(request: AgentRequest): string {
  return JSON.stringify(request) + "\n";
}
