/**
 * Monaco from the npm package, lean: the editor API, the features a reviewer uses (diff, find,
 * folding, hover for markers, clipboard, context menu…) and syntax colouring for every basic
 * language (each tokenizer loads on first use). No language services: a diff needs colours, not
 * type errors against files it cannot see. The one worker (diff computation, links) is bundled
 * by Vite from the package (`?worker`), served from the studio's own origin: no CDN, no blob:.
 * Loaded with a dynamic import so the tree paints before Monaco is parsed.
 */
import * as monaco from "monaco-editor/editor/editor.api.js";
import "monaco-editor/features/diffEditor/register.js";
import "monaco-editor/features/find/register.js";
import "monaco-editor/features/folding/register.js";
import "monaco-editor/features/hover/register.js";
import "monaco-editor/features/gotoError/register.js";
import "monaco-editor/features/clipboard/register.js";
import "monaco-editor/features/contextmenu/register.js";
import "monaco-editor/features/bracketMatching/register.js";
import "monaco-editor/features/wordHighlighter/register.js";
import "monaco-editor/features/linesOperations/register.js";
import "monaco-editor/features/multicursor/register.js";
import "monaco-editor/features/comment/register.js";
import "monaco-editor/features/indentation/register.js";
import "monaco-editor/features/codicon/register.js";
import "monaco-editor/languages/definitions/register.all.js";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";

(globalThis as { MonacoEnvironment?: monaco.Environment }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

monaco.editor.setTheme("vs-dark");

/** The Monaco API, set up. */
export { monaco };
