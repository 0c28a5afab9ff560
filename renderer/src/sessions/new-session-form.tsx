/**
 * The new-session form: repository folder and spec file (text fields; in Electron also the native
 * pickers), the generators to run, the spec in Monaco with its validation errors inline, and Start.
 */
import type { GeneratorName } from "../../../shared/protocol/contract.ts";
import { studioBridge } from "../engine/bridge-dialer.ts";
import { valueOf } from "../store/loadable.ts";
import { useStudio } from "../store/studio-store.ts";
import { machineProblem } from "../system/machine-problem.ts";
import { ErrorState, Loading } from "../ui/error-state.tsx";
import { closeNewSession, editDraft, readSpec, startDraft, toggleGenerator } from "./draft-actions.ts";
import type { SessionDraft } from "./sessions-slice.ts";
import { SpecEditor } from "./spec-editor.tsx";

const generatorLabels: Record<GeneratorName, string> = {
  recipe: "recipe (ast-grep rewrites, no model, no cost)",
  llm: "llm (the configured OpenAI-compatible endpoint)",
};

/** See the module comment. */
export function NewSessionForm({ draft }: { draft: SessionDraft }) {
  const system = useStudio((state) => valueOf(state.system));
  const llm = system?.llm;
  const machine = system ? machineProblem(system) : undefined;
  const check = valueOf(draft.specCheck);
  const file = valueOf(draft.specFile);
  const offered: GeneratorName[] = check?.generators ?? ["recipe", "llm"];
  const edited = file !== undefined && draft.specText !== undefined && draft.specText !== file.text;
  const problem = !draft.repoPath.trim()
    ? "Enter the repository folder."
    : !draft.specPath.trim()
      ? "Enter the migration spec file."
      : draft.specFile?.kind === "error"
        ? "The spec file could not be read."
        : check && !check.ok
          ? "Fix the spec's errors first."
          : draft.generators.length === 0
            ? "Choose at least one generator."
            : machine
              ? `${machine.title}: see above.`
              : undefined;
  return (
    <form
      className="new-session"
      data-testid="new-session-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) void startDraft();
      }}
    >
      <div className="pane-header">
        <span>{draft.demo ? "New session: the bundled demo" : "New session"}</span>
        <button type="button" className="small" onClick={closeNewSession}>
          Close
        </button>
      </div>
      <label className="field">
        <span>Repository folder</span>
        <span className="field-row">
          <input
            data-testid="new-session-repo"
            value={draft.repoPath}
            placeholder="/path/to/a/git/repository"
            spellCheck={false}
            onChange={(event) => editDraft({ repoPath: event.target.value })}
          />
          <PickButton kind="repository" onPick={(path) => editDraft({ repoPath: path })} />
        </span>
      </label>
      <label className="checkbox">
        <input type="checkbox" data-testid="new-session-allow-dirty" checked={draft.allowDirty} onChange={(event) => editDraft({ allowDirty: event.target.checked })} />
        include uncommitted changes in the root (otherwise a repository with uncommitted work is refused)
      </label>
      <label className="field">
        <span>Migration spec</span>
        <span className="field-row">
          <input
            data-testid="new-session-spec"
            value={draft.specPath}
            placeholder="/path/to/migration.yml"
            spellCheck={false}
            onChange={(event) => editDraft({ specPath: event.target.value })}
            onBlur={() => void readSpec()}
          />
          <PickButton kind="spec" onPick={(path) => editDraft({ specPath: path })} />
        </span>
      </label>
      <fieldset className="field" data-testid="new-session-generators">
        <legend>Generators</legend>
        {offered.map((name) => (
          <label key={name} className="checkbox">
            <input type="checkbox" value={name} checked={draft.generators.includes(name)} onChange={(event) => toggleGenerator(name, event.target.checked)} />
            {generatorLabels[name]}
          </label>
        ))}
        {draft.generators.includes("llm") && llm?.state === "not-configured" && (
          <ErrorState code="llm-not-configured" title="No LLM endpoint is configured">
            {llm.message ?? "Set the endpoint and model in Settings, or run with the recipe generator only."}
          </ErrorState>
        )}
      </fieldset>
      <div className="spec-area">
        {draft.specFile === undefined && <div className="hint">The spec appears here once its path is entered.</div>}
        {draft.specFile?.kind === "loading" && <Loading what={draft.demo ? "Preparing the demo" : "Reading the spec"} />}
        {draft.specFile?.kind === "error" && (
          <ErrorState code={draft.specFile.error.code} title="The spec could not be read">
            {draft.specFile.error.message}
          </ErrorState>
        )}
        {file && <SpecEditor path={file.path} text={file.text} diagnostics={check?.diagnostics ?? []} />}
      </div>
      <div className="spec-status">
        {draft.specCheck?.kind === "loading" && <span className="muted">checking…</span>}
        {check?.ok && <span className="ok">✓ valid{check.name ? `: ${check.name}` : ""}</span>}
        {check && !check.ok && <span className="bad">{check.diagnostics.length} problem{check.diagnostics.length === 1 ? "" : "s"} (marked in the editor)</span>}
        {draft.specCheck?.kind === "error" && <span className="bad">{draft.specCheck.error.message}</span>}
        {edited && <span className="muted"> · edited here: Start uses the file on disk, save your changes to {file.path} first</span>}
      </div>
      <div className="form-buttons">
        {problem && <span className="muted">{problem}</span>}
        <span className="spacer" />
        <button type="submit" className="primary" data-testid="session-start" disabled={problem !== undefined || draft.starting}>
          {draft.starting ? "Starting…" : "Start"}
        </button>
      </div>
    </form>
  );
}

/** The native picker's button, only where the Electron bridge offers one. */
function PickButton({ kind, onPick }: { kind: "repository" | "spec"; onPick: (path: string) => void }) {
  const bridge = studioBridge();
  if (!bridge) return null;
  return (
    <button
      type="button"
      className="small"
      onClick={() =>
        void bridge.pickPath(kind).then((path) => {
          if (path) onPick(path);
        })
      }
    >
      Browse…
    </button>
  );
}
