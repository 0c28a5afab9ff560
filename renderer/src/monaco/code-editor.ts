/**
 * Plain Monaco editors kept outside React, one per purpose ("edit" for editing a node by hand,
 * "spec" for the migration spec), each created once in a detached element that views attach.
 * Models are owned by whoever creates them (see edit-session.ts, spec-editor-model.ts).
 */
import type { Monaco } from "./load-monaco.ts";

/** A standalone Monaco code editor. */
export type CodeEditor = ReturnType<Monaco["editor"]["create"]>;

/** The purposes that each get their own editor instance. */
export type EditorPurpose = "edit" | "spec";

const editors = new Map<EditorPurpose, { element: HTMLDivElement; editor: CodeEditor }>();

/** The editor for this purpose and its element (created on the first call). */
export function codeEditor(monaco: Monaco, purpose: EditorPurpose): { element: HTMLDivElement; editor: CodeEditor } {
  const existing = editors.get(purpose);
  if (existing) return existing;
  const element = document.createElement("div");
  element.className = "monaco-host";
  const editor = monaco.editor.create(element, {
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 12,
    model: null,
    glyphMargin: purpose === "spec",
    renderValidationDecorations: "on",
  });
  const entry = { element, editor };
  editors.set(purpose, entry);
  return entry;
}
