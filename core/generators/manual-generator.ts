/**
 * The manual generator: edits the user writes become one hypothesis, judged like any other.
 * Either SEARCH/REPLACE block text (applied by core/edits, so a bad block is reported the same
 * way as a model's) or file changes made directly (an editor buffer saved into the node).
 */
import type { FileChanges } from "../../shared/file-changes.ts";
import { applyEditReply, withoutUnchanged } from "./apply-edit-reply.ts";
import { emptyProvenance } from "./generator.ts";
import type { GeneratedHypothesis, Generator, HypothesisSource } from "./generator.ts";

/** What the user supplied. */
export type ManualEdit = { kind: "edit-blocks"; text: string } | { kind: "changes"; changes: FileChanges };

/** Creates a generator that turns `edit` into exactly one hypothesis (K and the seed do not apply). */
export function createManualGenerator(edit: ManualEdit): Generator {
  return {
    kind: "manual",
    async generate(context) {
      const started = performance.now();
      const hypothesis = await manualHypothesis(edit, context.files);
      hypothesis.provenance.latencyMs = Math.round(performance.now() - started);
      context.onHypothesis?.(hypothesis);
      return [hypothesis];
    },
  };
}

async function manualHypothesis(edit: ManualEdit, files: (path: string) => Promise<string | undefined>): Promise<GeneratedHypothesis> {
  const provenance = emptyProvenance("manual");
  switch (edit.kind) {
    case "edit-blocks": {
      const source: HypothesisSource = { kind: "manual", editBlocks: edit.text };
      const result = await applyEditReply(edit.text, files);
      if (result.kind === "applied") return { kind: "valid", sample: 0, changes: result.changes, source, provenance };
      return { kind: "invalid", sample: 0, reason: result.reason, source, provenance };
    }
    case "changes": {
      const source: HypothesisSource = { kind: "manual" };
      const changes = await withoutUnchanged(edit.changes, files);
      if (Object.keys(changes).length > 0) return { kind: "valid", sample: 0, changes, source, provenance };
      return { kind: "invalid", sample: 0, reason: { kind: "no-change", message: "the edits change no file" }, source, provenance };
    }
  }
}
