/**
 * The renderer's one bound zustand store, built from slices (zustand's slices pattern). It is a
 * projection of the engine's state and events: slices apply engine data with pure functions from
 * shared/, never invent state the engine owns. Each feature folder owns its slice file and adds it
 * here; the actions that talk to the engine live at module level in each feature's *-actions.ts.
 */
import { create } from "zustand";
import type { StateCreator } from "zustand";
import { createInspectorSlice } from "../inspector/inspector-slice.ts";
import type { InspectorSlice } from "../inspector/inspector-slice.ts";
import { createSelectionSlice } from "../inspector/selection-slice.ts";
import type { SelectionSlice } from "../inspector/selection-slice.ts";
import { createSandboxesSlice } from "../sandboxes/sandboxes-slice.ts";
import type { SandboxesSlice } from "../sandboxes/sandboxes-slice.ts";
import { createSessionsSlice } from "../sessions/sessions-slice.ts";
import type { SessionsSlice } from "../sessions/sessions-slice.ts";
import { createSettingsSlice } from "../settings/settings-slice.ts";
import type { SettingsSlice } from "../settings/settings-slice.ts";
import { createSystemSlice } from "../system/system-slice.ts";
import type { SystemSlice } from "../system/system-slice.ts";
import { createTreeViewSlice } from "../tree/tree-view-slice.ts";
import type { TreeViewSlice } from "../tree/tree-view-slice.ts";
import { createTreesSlice } from "../trees/trees-slice.ts";
import type { TreesSlice } from "../trees/trees-slice.ts";
import { createConnectionSlice } from "./connection-slice.ts";
import type { ConnectionSlice } from "./connection-slice.ts";
import { createDialogSlice } from "./dialog-slice.ts";
import type { DialogSlice } from "./dialog-slice.ts";
import { createToastSlice } from "./toast-slice.ts";
import type { ToastSlice } from "./toast-slice.ts";

/** The whole store: the intersection of every slice. */
export type StudioState = ConnectionSlice &
  SystemSlice &
  SessionsSlice &
  TreesSlice &
  TreeViewSlice &
  SelectionSlice &
  InspectorSlice &
  SettingsSlice &
  SandboxesSlice &
  ToastSlice &
  DialogSlice;

/** A slice creator with access to the whole store (for slices that read or call each other). */
export type StudioSlice<T> = StateCreator<StudioState, [], [], T>;

/** The bound store hook: `useStudio((state) => state.something)`; `useStudio.getState()/setState` outside React. */
export const useStudio = create<StudioState>()((...args) => ({
  ...createConnectionSlice(...args),
  ...createSystemSlice(...args),
  ...createSessionsSlice(...args),
  ...createTreesSlice(...args),
  ...createTreeViewSlice(...args),
  ...createSelectionSlice(...args),
  ...createInspectorSlice(...args),
  ...createSettingsSlice(...args),
  ...createSandboxesSlice(...args),
  ...createToastSlice(...args),
  ...createDialogSlice(...args),
}));
