/**
 * Editing a node by hand: one model per file of the node, in the "edit" editor, switched by path.
 * The models live here, outside React, and are disposed when the session ends; `changes()` gives
 * the files whose text differs from what the node had (whole files, as node/addManualEdit takes).
 */
import { codeEditor } from "./code-editor.ts";
import { languageOf } from "./language-of.ts";
import type { Monaco } from "./load-monaco.ts";

type TextModel = ReturnType<Monaco["editor"]["createModel"]>;

let files = new Map<string, { model: TextModel; original: string }>();
let serial = 0;
const listeners = new Set<() => void>();

/** Calls `listener` whenever a file of the edit changes; returns a function that stops. */
export function onEditChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function track(model: TextModel): TextModel {
  model.onDidChangeContent(() => listeners.forEach((listener) => listener()));
  return model;
}

/** Starts editing these files (the node's current text), replacing any edit in progress. */
export function openEditSession(monaco: Monaco, contents: ReadonlyArray<{ path: string; text: string }>): void {
  closeEditSession();
  const id = ++serial;
  for (const { path, text } of contents) {
    const uri = monaco.Uri.from({ scheme: "forklift-edit", path: `/${id}/${path}` });
    files.set(path, { model: track(monaco.editor.createModel(text, languageOf(path), uri)), original: text });
  }
}

/** Adds an empty new file to the edit. */
export function addEditFile(monaco: Monaco, path: string): void {
  if (files.has(path)) return;
  const uri = monaco.Uri.from({ scheme: "forklift-edit", path: `/${serial}/${path}` });
  files.set(path, { model: track(monaco.editor.createModel("", languageOf(path), uri)), original: "" });
  listeners.forEach((listener) => listener());
}

/** Shows one file of the edit in the editor. */
export function showEditFile(monaco: Monaco, path: string): void {
  const file = files.get(path);
  const { editor } = codeEditor(monaco, "edit");
  editor.setModel(file?.model ?? null);
  editor.updateOptions({ readOnly: false });
  if (file) editor.focus();
}

/** The files of the edit whose text changed, path → whole new text (an added file counts once it has text). */
export function editChanges(): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const [path, { model, original }] of files) {
    const text = model.getValue();
    if (text !== original) changes[path] = text;
  }
  return changes;
}

/** The paths being edited. */
export function editPaths(): string[] {
  return [...files.keys()];
}

/** Ends the edit: the editor lets go of the models and they are disposed. */
export function closeEditSession(): void {
  for (const { model } of files.values()) {
    model.dispose();
  }
  files = new Map();
}
