/**
 * Loads Monaco (a 3 MB chunk) and warms its diff editor only once the first screen has settled:
 * the active session's tree is drawn (or there is no tree to draw), and the browser is idle.
 * Parsing Monaco earlier would compete with the tree's first paint on the main thread.
 */
import { useStudio } from "../store/studio-store.ts";
import type { StudioState } from "../store/studio-store.ts";
import { warmDiffEditor } from "./diff-editor.ts";
import { loadMonaco } from "./load-monaco.ts";

/** Whether the first screen is done: nothing big is still on its way to being drawn. */
export function firstScreenSettled(state: StudioState): boolean {
  if (state.draft) return true;
  if (state.activeSessionId) {
    const entry = state.trees[state.activeSessionId];
    return entry !== undefined && entry.kind !== "loading";
  }
  return state.sessions.kind !== "loading";
}

/** Starts the preload once the first screen has settled (at the latest after `fallbackMs`). */
export function preloadMonacoWhenSettled(fallbackMs = 4000): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    stop();
    clearTimeout(fallback);
    const run = () => void loadMonaco().then(warmDiffEditor);
    if (typeof requestIdleCallback === "function") requestIdleCallback(run, { timeout: 1000 });
    else setTimeout(run, 200);
  };
  const stop = useStudio.subscribe((state) => {
    if (firstScreenSettled(state)) start();
  });
  const fallback = setTimeout(start, fallbackMs);
  if (firstScreenSettled(useStudio.getState())) start();
}
