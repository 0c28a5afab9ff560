/**
 * Connects the store to the engine: the link's state into the header, engine events into the
 * slices (tree deltas batched per frame, progress), and after a reconnect a resync of everything
 * that may have missed events. Then loads what the first screen needs and follows the URL.
 */
import { readLocation } from "../app/location-state.ts";
import type { LocationState } from "../app/location-state.ts";
import { compareWith, selectNode } from "../inspector/selection-actions.ts";
import { openDemo } from "../sessions/draft-actions.ts";
import { loadSessionInfo, loadSessions, selectSession } from "../sessions/session-actions.ts";
import { loadSettings } from "../settings/settings-actions.ts";
import { useStudio } from "../store/studio-store.ts";
import { loadSystem } from "../system/system-actions.ts";
import { queueDelta, receiveProgress, resyncTrees } from "../trees/tree-actions.ts";
import { setEngine } from "./engine.ts";
import type { EngineLink } from "./engine-link.ts";

/** Installs the link and starts the studio on it, at the place `asked` (default: this page's URL); returns a function that disconnects. */
export function wireEngine(link: EngineLink, asked: LocationState = readLocation()): () => void {
  setEngine(link);
  const stops = [
    link.onState((connection) => useStudio.setState({ connection })),
    link.on("tree/delta", (delta) => queueDelta(delta)),
    link.on("progress", receiveProgress),
    link.onReopen(() => {
      void loadSystem();
      void loadSessions();
      resyncTrees();
      const { activeSessionId } = useStudio.getState();
      if (activeSessionId) void loadSessionInfo(activeSessionId);
    }),
  ];
  void start(asked);
  // a link pasted into the address bar, or the user editing the hash, moves the studio there
  const onHash = () => followLocation();
  if (typeof window !== "undefined") window.addEventListener("hashchange", onHash);
  return () => {
    if (typeof window !== "undefined") window.removeEventListener("hashchange", onHash);
    stops.forEach((stop) => stop());
    link.close();
  };
}

function followLocation(): void {
  const asked = readLocation();
  const state = useStudio.getState();
  if (asked.session && asked.session !== state.activeSessionId) selectSession(asked.session);
  if (asked.node && asked.node !== useStudio.getState().selectedId) selectNode(asked.node);
  if (asked.compare && asked.compare !== useStudio.getState().compareId) selectNode(asked.compare, { compare: true });
  else if (!asked.compare && useStudio.getState().compareId !== undefined) compareWith(undefined);
}

async function start(asked: LocationState): Promise<void> {
  void loadSystem();
  void loadSettings();
  if (asked.session) selectSession(asked.session);
  if (asked.demo) void openDemo();
  await loadSessions();
  if (asked.session && asked.node) selectNode(asked.node);
  if (asked.session && asked.node && asked.compare) selectNode(asked.compare, { compare: true });
}
