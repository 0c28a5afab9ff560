/**
 * The migration spec in the "spec" editor: one YAML model at a time (replaced when another file is
 * read), its validation diagnostics as Monaco markers, and its text changes reported to the form.
 */
import type { SpecDiagnostic } from "../../../shared/protocol/spec-check.ts";
import { codeEditor } from "./code-editor.ts";
import type { Monaco } from "./load-monaco.ts";

type TextModel = ReturnType<Monaco["editor"]["createModel"]>;

let current: { model: TextModel; path: string } | undefined;
let serial = 0;

/** Shows this spec text in the spec editor (a new model when the file or its text on disk changed); `changed` gets each edit. */
export function showSpec(monaco: Monaco, path: string, text: string, changed: (text: string) => void): void {
  const { editor } = codeEditor(monaco, "spec");
  if (!current || current.path !== path || current.model.getValue() !== text) {
    const old = current?.model;
    const uri = monaco.Uri.from({ scheme: "forklift-spec", path: `/${++serial}/${path.replace(/^\/+/, "")}` });
    const model = monaco.editor.createModel(text, "yaml", uri);
    model.onDidChangeContent(() => changed(model.getValue()));
    current = { model, path };
    editor.setModel(model);
    old?.dispose();
  } else if (editor.getModel() !== current.model) editor.setModel(current.model);
}

/** Puts the spec's diagnostics on the model as error markers (an empty list clears them). */
export function setSpecMarkers(monaco: Monaco, diagnostics: readonly SpecDiagnostic[]): void {
  if (!current) return;
  const { model } = current;
  monaco.editor.setModelMarkers(
    model,
    "forklift-spec",
    diagnostics.map((diagnostic) => {
      const line = Math.min(diagnostic.line, model.getLineCount());
      return {
        severity: monaco.MarkerSeverity.Error,
        message: diagnostic.field ? `${diagnostic.field}: ${diagnostic.message}` : diagnostic.message,
        startLineNumber: line,
        startColumn: diagnostic.column,
        endLineNumber: line,
        endColumn: Math.max(diagnostic.column + 1, model.getLineMaxColumn(line)),
      };
    }),
  );
}

/** Lets go of the spec model (the form closed). */
export function closeSpec(monaco: Monaco): void {
  codeEditor(monaco, "spec").editor.setModel(null);
  current?.model.dispose();
  current = undefined;
}
