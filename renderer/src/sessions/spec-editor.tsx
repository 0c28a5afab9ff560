/** The migration spec in Monaco (YAML), with the validation's diagnostics as inline markers; edits are validated as typed. */
import { useEffect } from "react";
import type { SpecDiagnostic } from "../../../shared/protocol/spec-check.ts";
import { codeEditor } from "../monaco/code-editor.ts";
import { loadMonaco } from "../monaco/load-monaco.ts";
import { MonacoView } from "../monaco/monaco-view.tsx";
import { useMonaco } from "../monaco/use-monaco.ts";
import { closeSpec, setSpecMarkers, showSpec } from "../monaco/spec-editor-model.ts";
import { Loading } from "../ui/error-state.tsx";
import { editSpecText } from "./draft-actions.ts";

/** See the module comment. */
export function SpecEditor({ path, text, diagnostics }: { path: string; text: string; diagnostics: SpecDiagnostic[] }) {
  const monaco = useMonaco();
  useEffect(() => {
    if (monaco) showSpec(monaco, path, text, editSpecText);
  }, [monaco, path, text]);
  useEffect(() => {
    if (monaco) setSpecMarkers(monaco, diagnostics);
  }, [monaco, diagnostics]);
  useEffect(() => () => {
    void loadMonaco().then(closeSpec);
  }, []);
  if (!monaco) return <Loading what="Loading the editor" />;
  return (
    <div className="spec-editor" data-testid="spec-editor">
      <MonacoView element={codeEditor(monaco, "spec").element} />
    </div>
  );
}
