/** Editing a node by hand in Monaco: its files, a new file, Save (a new child node, judged like any other) or Cancel. */
import { useEffect, useState } from "react";
import { codeEditor } from "../monaco/code-editor.ts";
import { addEditFile, editChanges, editPaths, onEditChange, showEditFile } from "../monaco/edit-session.ts";
import { MonacoView } from "../monaco/monaco-view.tsx";
import { useMonaco } from "../monaco/use-monaco.ts";
import { useStudio } from "../store/studio-store.ts";
import { Loading } from "../ui/error-state.tsx";
import { cancelEdit, saveEdit } from "./edit-actions.ts";

/** See the module comment. */
export function EditView({ nodeId }: { nodeId: string }) {
  const monaco = useMonaco();
  const file = useStudio((state) => state.editFile);
  const saving = useStudio((state) => state.busy?.nodeId === nodeId && state.busy.action === "save");
  const [changed, setChanged] = useState<string[]>([]);
  const [newPath, setNewPath] = useState("");
  useEffect(() => onEditChange(() => setChanged(Object.keys(editChanges()))), []);
  useEffect(() => {
    if (monaco && file) showEditFile(monaco, file);
  }, [monaco, file]);
  if (!monaco) return <Loading what="Loading the editor" />;
  const paths = editPaths();
  return (
    <div className="edit-view" data-testid="edit-view" data-node-id={nodeId}>
      <div className="diff-toolbar">
        <span>Editing a child of {nodeId.slice(0, 8)}</span>
        <span className="muted">{changed.length > 0 ? `${changed.length} file${changed.length === 1 ? "" : "s"} changed` : "no changes yet"}</span>
        <span className="spacer" />
        <button onClick={cancelEdit}>Cancel</button>
        <button className="primary" data-testid="edit-save" disabled={saving} onClick={() => void saveEdit(nodeId)} title="Save as a new child node (Ctrl+S)">
          {saving ? "Saving…" : "Save as child"}
        </button>
      </div>
      <div
        className="diff-body"
        onKeyDown={(event) => {
          if ((event.ctrlKey || event.metaKey) && event.key === "s") {
            event.preventDefault();
            void saveEdit(nodeId);
          }
        }}
      >
        <div className="file-list">
          {paths.map((path) => (
            <div
              key={path}
              className={`file-item ${path === file ? "selected" : ""}`}
              data-testid="edit-file"
              data-path={path}
              onClick={() => useStudio.setState({ editFile: path })}
              title={path}
            >
              <span className={`file-kind ${changed.includes(path) ? "kind-M" : ""}`}>{changed.includes(path) ? "●" : " "}</span>
              <span className="file-name">{path}</span>
            </div>
          ))}
          <form
            className="new-file"
            onSubmit={(event) => {
              event.preventDefault();
              const path = newPath.trim();
              if (!path) return;
              addEditFile(monaco, path);
              setNewPath("");
              useStudio.setState({ editFile: path });
            }}
          >
            <input value={newPath} placeholder="new file path" spellCheck={false} onChange={(event) => setNewPath(event.target.value)} />
          </form>
          {paths.length === 0 && <div className="hint">This node changes no file yet: add one by its path.</div>}
        </div>
        <MonacoView element={codeEditor(monaco, "edit").element} />
      </div>
    </div>
  );
}
