/**
 * The one Monaco diff editor of the studio, kept outside React: created on first use inside a
 * detached element that views attach and detach, reused for every node and every comparison.
 * Each shown file gets two fresh models; the previous ones are disposed once the editor has drawn
 * the new ones (not before: a diff of theirs may still be in the worker), so selecting nodes on
 * a large tree leaks nothing.
 */
import type { FileDiff } from "../../../shared/protocol/contract.ts";
import { languageOf } from "./language-of.ts";
import type { Monaco } from "./load-monaco.ts";

type DiffEditor = ReturnType<Monaco["editor"]["createDiffEditor"]>;
type TextModel = ReturnType<Monaco["editor"]["createModel"]>;

let instance: { element: HTMLDivElement; editor: DiffEditor; models: TextModel[] } | undefined;
let serial = 0;
/** Set once a real diff (not the warm-up's) has been asked for: the warm-up then keeps out of the way. */
let realShown = false;
/** Models the editor no longer shows, waiting for the worker to be done with them. */
let retired: TextModel[] = [];

function disposeRetired(): void {
  for (const model of retired) model.dispose();
  retired = [];
}

/** The element holding the diff editor (created on the first call); a view appends it where it wants the editor. */
export function diffEditorElement(monaco: Monaco): HTMLDivElement {
  return ensure(monaco).element;
}

/**
 * Shows one file's two sides. Resolves once Monaco has computed and drawn the diff of these
 * models (or has been given newer ones, in which case it resolves false).
 */
export function showFileDiff(monaco: Monaco, file: FileDiff, options: { editable?: boolean } = {}): Promise<boolean> {
  realShown = true;
  return showPair(monaco, file, options);
}

function showPair(monaco: Monaco, file: FileDiff, options: { editable?: boolean }): Promise<boolean> {
  const { editor, models: old } = ensure(monaco);
  const language = languageOf(file.path);
  const id = ++serial;
  const original = monaco.editor.createModel(file.before ?? "", language, monaco.Uri.from({ scheme: "forklift-diff", path: `/${id}/before/${file.path}` }));
  const modified = monaco.editor.createModel(file.after ?? "", language, monaco.Uri.from({ scheme: "forklift-diff", path: `/${id}/after/${file.path}` }));
  const shown = new Promise<boolean>((resolve) => {
    const listener = editor.onDidUpdateDiff(() => {
      listener.dispose();
      resolve(id === serial);
    });
  });
  editor.updateOptions({ readOnly: !options.editable, originalEditable: false });
  editor.setModel({ original, modified });
  instance!.models = [original, modified];
  // the worker may still be computing the previous pair's diff: dispose them once this one is drawn
  retired.push(...old);
  void shown.then(disposeRetired);
  return shown;
}

/** Empties the editor and disposes its models (no node selected). */
export function clearDiff(): void {
  if (!instance) return;
  serial++;
  instance.editor.setModel(null);
  // a diff of theirs may still be in the worker: let it come back before the models go
  const gone = [...retired, ...instance.models];
  retired = [];
  instance.models = [];
  setTimeout(() => gone.forEach((model) => model.dispose()), 2000);
}

function ensure(monaco: Monaco): NonNullable<typeof instance> {
  if (instance) return instance;
  const element = document.createElement("div");
  element.className = "monaco-host";
  const editor = monaco.editor.createDiffEditor(element, {
    automaticLayout: true,
    readOnly: true,
    renderSideBySide: true,
    useInlineViewWhenSpaceIsLimited: true,
    renderOverviewRuler: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 12,
    hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 20 },
  });
  instance = { element, editor, models: [] };
  return instance;
}

/**
 * Creates the diff editor, lays it out off screen, and runs small diffs through it (TypeScript, then JavaScript: their
 * tokenizers load on first use) while nothing is selected, so that the first real selection does
 * not pay for the editor's creation, the worker's start or a tokenizer's download.
 */
export async function warmDiffEditor(monaco: Monaco): Promise<void> {
  if (instance) return;
  const held = ensure(monaco);
  // laid out off screen at a real size, so the first view that attaches it does not pay for the first layout
  if (!held.element.parentElement) offscreen().appendChild(held.element);
  for (const path of ["warm-up.ts", "warm-up.js"]) {
    // a node was selected meanwhile: its diff is on screen, leave it there
    if (realShown) return;
    await showPair(monaco, { path, before: "const a = 1;\n", after: "const a = 2;\n" }, {});
  }
  if (!realShown && held.models[0]?.uri.path.includes("/before/warm-up.")) clearDiff();
}

/** A sized box outside the viewport where an editor can lay out while no view shows it. */
function offscreen(): HTMLDivElement {
  const existing = document.getElementById("monaco-offscreen");
  if (existing instanceof HTMLDivElement) return existing;
  const box = document.createElement("div");
  box.id = "monaco-offscreen";
  box.setAttribute("aria-hidden", "true");
  Object.assign(box.style, { position: "fixed", left: "-10000px", top: "0", width: "900px", height: "600px", overflow: "hidden" });
  document.body.appendChild(box);
  return box;
}
