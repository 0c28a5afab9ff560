/**
 * Following trees: `tree/get` once per session, then `tree/delta` events queued and applied once
 * per animation frame in one batch (a burst of deltas costs one store update and one render per
 * frame, not one per delta). A tree a delta no longer fits is fetched again.
 */
import type { TreeDelta } from "../../../shared/domain/tree-delta.ts";
import { engine } from "../engine/engine.ts";
import { reportError } from "../store/report.ts";
import { useStudio } from "../store/studio-store.ts";
import { loadChecks } from "../inspector/inspector-loads.ts";
import { upsertSession } from "../sessions/sessions-slice.ts";
import { toErrorValue } from "../../../shared/errors.ts";
import { receiveDeltas, receiveTree } from "./tree-entries.ts";
import type { Progress } from "./trees-slice.ts";

let queue: TreeDelta[] = [];
let flushScheduled = false;

/** Starts following a session's tree (no-op when already followed, unless `force`). */
export async function followTree(sessionId: string, force = false): Promise<void> {
  const existing = useStudio.getState().trees[sessionId];
  if (existing && !force && existing.kind !== "error") return;
  useStudio.setState((state) => ({ trees: { ...state.trees, [sessionId]: { kind: "loading", buffered: existing?.kind === "loading" ? existing.buffered : [] } } }));
  try {
    const tree = await engine().call("tree/get", { sessionId });
    const { entries, reload } = receiveTree(useStudio.getState().trees, tree);
    useStudio.setState({ trees: entries });
    useStudio.setState((state) => (state.sessions.kind === "ready" ? { sessions: { kind: "ready", value: upsertSession(state.sessions.value, tree.session) } } : {}));
    if (reload) void followTree(sessionId, true);
  } catch (error) {
    useStudio.setState((state) => ({ trees: { ...state.trees, [sessionId]: { kind: "error", error: toErrorValue(error) } } }));
  }
}

/** Fetches every followed tree again (after a reconnect: events were missed). */
export function resyncTrees(): void {
  for (const sessionId of Object.keys(useStudio.getState().trees)) void followTree(sessionId, true);
}

/** Takes a tree/delta event; the batch is applied on the next frame. */
export function queueDelta(delta: TreeDelta, schedule: (flush: () => void) => void = nextFrame): void {
  queue.push(delta);
  if (flushScheduled) return;
  flushScheduled = true;
  schedule(flushDeltas);
}

/** Applies every queued delta now, in one store update. */
export function flushDeltas(): void {
  flushScheduled = false;
  const batch = queue;
  queue = [];
  if (batch.length === 0) return;
  const state = useStudio.getState();
  const { entries, reload } = receiveDeltas(state.trees, batch);
  let sessions = state.sessions;
  if (sessions.kind === "ready") {
    let list = sessions.value;
    for (const delta of batch) if (delta.kind === "session-updated") list = upsertSession(list, delta.session);
    if (list !== sessions.value) sessions = { kind: "ready", value: list };
  }
  useStudio.setState({ trees: entries, sessions });
  // the inspected node was judged meanwhile: its checks' outputs are new
  const { selectedId } = state;
  if (selectedId !== undefined && batch.some((delta) => delta.kind === "node-updated" && delta.node.id === selectedId)) void loadChecks(selectedId);
  for (const sessionId of reload) void followTree(sessionId, true).catch((error) => reportError("reloading the tree", error));
}

/** Takes a progress event. */
export function receiveProgress(progress: Progress): void {
  useStudio.setState((state) => ({ progress: { ...state.progress, [progress.sessionId]: progress } }));
}

function nextFrame(flush: () => void): void {
  if (typeof requestAnimationFrame === "function" && document.visibilityState === "visible") requestAnimationFrame(flush);
  else setTimeout(flush, 16);
}
