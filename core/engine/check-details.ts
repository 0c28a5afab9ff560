/** Each check run on a node in full, as far as the store keeps it: summary, command, failures by name, captured output. */
import type { CheckDetail } from "../../shared/protocol/check-detail.ts";
import type { Spec } from "../spec/spec-schema.ts";
import { getCheckDetails } from "../store/index.ts";
import type { Store } from "../store/index.ts";

/** What the store keeps of one check run beyond its summary. */
export interface StoredCheckRun {
  command?: string;
  exitCode?: number;
  newFailures?: string[];
  fixedFailures?: string[];
  output?: string;
  outputTruncated?: boolean;
}

/** The runs the store keeps beyond the summaries, by check name (none for nodes judged before details were kept, or never checked). */
export function storedCheckRuns(store: Store, nodeId: string): ReadonlyMap<string, StoredCheckRun> {
  return new Map(getCheckDetails(store, nodeId).map((detail) => [detail.summary.name, detail]));
}

/** The details of a node's checks in the order they ran (commands from the spec when given, else as the store kept them). */
export function checkDetails(node: { id: string; checks: readonly CheckDetail["summary"][] }, spec: Spec | undefined, store: Store): CheckDetail[] {
  const runs = storedCheckRuns(store, node.id);
  return node.checks.map((summary) => {
    const run = runs.get(summary.name) ?? {};
    const command = spec?.checks.find((check) => check.name === summary.name)?.command ?? runs.get(summary.name)?.command;
    return {
      summary,
      ...(command !== undefined && { command }),
      ...(run.exitCode !== undefined && { exitCode: run.exitCode }),
      newFailures: run.newFailures ?? [],
      fixedFailures: run.fixedFailures ?? [],
      ...(run.output !== undefined && { output: run.output }),
      outputTruncated: run.outputTruncated ?? false,
    };
  });
}
