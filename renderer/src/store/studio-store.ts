/**
 * The renderer's one bound zustand store, built from slices (zustand's slices pattern). It is a
 * projection of the engine's state and events: slices apply engine data with pure functions from
 * shared/, never invent state the engine owns. Each feature folder owns its slice file and adds it
 * here.
 */
import { create } from "zustand";
import type { StateCreator } from "zustand";
import { createConnectionSlice } from "./connection-slice.ts";
import type { ConnectionSlice } from "./connection-slice.ts";
import { createTreeViewSlice } from "../tree/tree-view-slice.ts";
import type { TreeViewSlice } from "../tree/tree-view-slice.ts";

/** The whole store: the intersection of every slice. */
export type StudioState = ConnectionSlice & TreeViewSlice;

/** A slice creator with access to the whole store (for slices that read or call each other). */
export type StudioSlice<T> = StateCreator<StudioState, [], [], T>;

/** The bound store hook: `useStudio((state) => state.something)`. */
export const useStudio = create<StudioState>()((...args) => ({
  ...createConnectionSlice(...args),
  ...createTreeViewSlice(...args),
}));
