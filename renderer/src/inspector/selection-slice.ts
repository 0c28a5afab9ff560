/** Which node of the active session is inspected, and which one it is compared with. */
import type { StudioSlice } from "../store/studio-store.ts";

/** See the module comment. */
export interface SelectionSlice {
  selectedId?: string;
  compareId?: string;
}

/** Creates the selection slice. */
export const createSelectionSlice: StudioSlice<SelectionSlice> = () => ({});
