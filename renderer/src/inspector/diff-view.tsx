/**
 * The selected node's diff in the studio's one Monaco diff editor, with its file list and the
 * parent/root toggle. `data-ready` turns true once Monaco has drawn this node's models.
 */
import { useEffect, useState } from "react";
import { clearDiff, diffEditorElement, showFileDiff } from "../monaco/diff-editor.ts";
import { MonacoView } from "../monaco/monaco-view.tsx";
import { useMonaco } from "../monaco/use-monaco.ts";
import { useStudio } from "../store/studio-store.ts";
import { EmptyState, ErrorState, Loading } from "../ui/error-state.tsx";
import { FileList } from "./file-list.tsx";
import { loadDiff } from "./inspector-loads.ts";
import { setAgainst } from "./selection-actions.ts";
import type { FileDiffs } from "./inspector-slice.ts";

/** See the module comment. */
export function DiffView({ nodeId, isRoot }: { nodeId: string; isRoot: boolean }) {
  const diff = useStudio((state) => (state.diff?.nodeId === nodeId ? state.diff : undefined));
  const against = useStudio((state) => state.against);
  const file = useStudio((state) => state.diffFile);
  const data = diff?.data.kind === "ready" ? diff.data.value : undefined;
  const ready = useShownDiff(data, file, `${nodeId}:${diff?.against}`);
  return (
    <div className="diff-view" data-testid="diff-view" data-node-id={nodeId} data-ready={ready ? "true" : "false"} data-against={diff?.against}>
      <div className="diff-toolbar">
        <div className="segmented" data-testid="diff-against" role="radiogroup" aria-label="Diff against">
          {(["parent", "root"] as const).map((option) => (
            <button
              key={option}
              role="radio"
              aria-checked={against === option}
              className={against === option ? "on" : ""}
              onClick={() => setAgainst(option)}
              title={option === "parent" ? "What this node changed (vs its parent)" : "Everything changed since the root commit"}
              disabled={isRoot}
            >
              vs {option}
            </button>
          ))}
        </div>
        {data && <span className="muted">{data.files.length} file{data.files.length === 1 ? "" : "s"}</span>}
      </div>
      {(!diff || diff.data.kind === "loading") && <Loading what="Loading the diff" />}
      {diff?.data.kind === "error" && (
        <ErrorState code={diff.data.error.code} title="The diff could not be computed" action={<button onClick={() => void loadDiff(nodeId, against)}>Retry</button>}>
          {diff.data.error.message}
        </ErrorState>
      )}
      {data && data.files.length === 0 && (
        <EmptyState title={isRoot ? "The root: the repository as committed" : "No file changes"}>
          {isRoot ? "Select a child node to see what it changed." : "This node changes no file against its " + against + "."}
        </EmptyState>
      )}
      {data && data.files.length > 0 && (
        <div className="diff-body">
          <FileList files={data.files} selected={file} onSelect={(path) => useStudio.setState({ diffFile: path })} />
          <DiffEditorBox />
        </div>
      )}
    </div>
  );
}

/** Where the shared diff editor is attached. */
export function DiffEditorBox() {
  const monaco = useMonaco();
  if (!monaco) return <Loading what="Loading the editor" />;
  return <MonacoView element={diffEditorElement(monaco)} className="monaco-box diff-editor-box" />;
}

/**
 * Shows `file` of `data` in the diff editor whenever they change; true once Monaco has drawn them.
 * `key` names what is shown (node and side), so a new node is never reported ready by the old one's drawing.
 */
export function useShownDiff(data: FileDiffs | undefined, file: string | undefined, key: string): boolean {
  const monaco = useMonaco();
  const [shown, setShown] = useState<string>();
  const want = data ? `${key}:${file ?? ""}:${data.files.length}` : undefined;
  useEffect(() => {
    if (!monaco || !data || want === undefined) return;
    const entry = data.files.find((candidate) => candidate.path === file);
    if (!entry) {
      clearDiff();
      setShown(want);
      return;
    }
    let live = true;
    void showFileDiff(monaco, entry).then((current) => {
      if (live && current) setShown(want);
    });
    return () => {
      live = false;
    };
  }, [monaco, data, file, want]);
  return want !== undefined && shown === want;
}
