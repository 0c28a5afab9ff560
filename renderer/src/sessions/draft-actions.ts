/**
 * The new-session form: the repository and spec paths, the generators, the spec read into Monaco
 * (`spec/read`) and validated as it is typed (`spec/validate`, debounced), the bundled demo
 * (`demo/prepare`), and the start.
 */
import { toErrorValue } from "../../../shared/errors.ts";
import type { GeneratorName } from "../../../shared/protocol/contract.ts";
import { engine } from "../engine/engine.ts";
import { reportError } from "../store/report.ts";
import { useStudio } from "../store/studio-store.ts";
import { noteSession, selectSession } from "./session-actions.ts";
import { emptyDraft } from "./sessions-slice.ts";
import type { SessionDraft } from "./sessions-slice.ts";

const debounceMs = 300;
let readTimer: ReturnType<typeof setTimeout> | undefined;
let validateTimer: ReturnType<typeof setTimeout> | undefined;
let validateSerial = 0;

/** Opens an empty form. */
export function openNewSession(): void {
  const system = useStudio.getState().system;
  useStudio.setState({ draft: emptyDraft(system.kind !== "ready" || system.value.llm.state === "configured") });
}

/** Closes the form. */
export function closeNewSession(): void {
  useStudio.setState({ draft: undefined });
}

/** Changes fields of the form; a new spec path is read (debounced). */
export function editDraft(patch: Partial<Pick<SessionDraft, "repoPath" | "specPath" | "generators" | "allowDirty">>): void {
  const before = useStudio.getState().draft;
  if (!before) return;
  useStudio.setState({ draft: { ...before, ...patch } });
  if (patch.specPath !== undefined && patch.specPath !== before.specPath) {
    clearTimeout(readTimer);
    readTimer = setTimeout(() => void readSpec(), debounceMs);
  }
}

/** Turns one generator on or off. */
export function toggleGenerator(name: GeneratorName, on: boolean): void {
  const draft = useStudio.getState().draft;
  if (!draft) return;
  const generators = on ? [...new Set([...draft.generators, name])] : draft.generators.filter((other) => other !== name);
  editDraft({ generators });
}

/** Reads the form's spec file into the editor and validates it. */
export async function readSpec(): Promise<void> {
  const path = useStudio.getState().draft?.specPath.trim();
  if (!path) return;
  setDraft({ specFile: { kind: "loading" } });
  try {
    const file = await engine().call("spec/read", { path });
    if (useStudio.getState().draft?.specPath.trim() !== path) return;
    setDraft({ specFile: { kind: "ready", value: file }, specText: file.text });
    await validateSpec(file.text);
  } catch (error) {
    setDraft({ specFile: { kind: "error", error: toErrorValue(error) }, specText: undefined, specCheck: undefined });
  }
}

/** Takes the editor's text (each keystroke) and validates it after a pause. */
export function editSpecText(text: string): void {
  setDraft({ specText: text });
  clearTimeout(validateTimer);
  validateTimer = setTimeout(() => void validateSpec(text), debounceMs);
}

/** Validates spec text now; the answer is kept only if no newer validation started. */
export async function validateSpec(text: string): Promise<void> {
  const serial = ++validateSerial;
  const path = useStudio.getState().draft?.specPath.trim() || undefined;
  setDraft({ specCheck: { kind: "loading" } });
  try {
    const check = await engine().call("spec/validate", path ? { text, path } : { text });
    if (serial !== validateSerial) return;
    setDraft({ specCheck: { kind: "ready", value: check } });
    const draft = useStudio.getState().draft;
    // generators the spec does not configure cannot run: keep only the ones it has
    if (draft && check.generators) {
      const kept = draft.generators.filter((name) => check.generators?.includes(name));
      if (kept.length !== draft.generators.length) setDraft({ generators: kept.length > 0 ? kept : check.generators });
    }
  } catch (error) {
    if (serial === validateSerial) setDraft({ specCheck: { kind: "error", error: toErrorValue(error) } });
  }
}

/** Prepares the bundled demo (a fresh copy of the sample repository) and fills the form with it, recipe generator only. */
export async function openDemo(): Promise<void> {
  useStudio.setState({ draft: { ...emptyDraft(), demo: true, generators: ["recipe"], specFile: { kind: "loading" } } });
  try {
    const { repoPath, specPath } = await engine().call("demo/prepare", {});
    setDraft({ repoPath, specPath });
    await readSpec();
    setDraft({ generators: ["recipe"] });
  } catch (error) {
    setDraft({ specFile: { kind: "error", error: toErrorValue(error) } });
    reportError("preparing the demo", error);
  }
}

/** Starts a session from the form; the form closes and the new session becomes the active one. */
export async function startDraft(): Promise<void> {
  const draft = useStudio.getState().draft;
  if (!draft || draft.starting) return;
  setDraft({ starting: true });
  try {
    const session = await engine().call("session/start", {
      repoPath: draft.repoPath.trim(),
      specPath: draft.specPath.trim(),
      ...(draft.allowDirty ? { allowDirty: true } : {}),
      ...(draft.generators.length > 0 ? { generators: draft.generators } : {}),
    });
    noteSession(session);
    useStudio.setState({ draft: undefined });
    selectSession(session.id);
  } catch (error) {
    setDraft({ starting: false });
    reportError("starting the session", error);
  }
}

function setDraft(patch: Partial<SessionDraft>): void {
  useStudio.setState((state) => (state.draft ? { draft: { ...state.draft, ...patch } } : {}));
}
