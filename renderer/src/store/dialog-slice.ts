/** The one modal confirmation at a time (prune, gc) and which side panel is open. */
import type { StudioSlice } from "./studio-store.ts";

/** A question the user answers before something that cannot be undone. */
export interface Confirmation {
  title: string;
  message: string;
  /** Lines listed under the message (what will go). */
  details?: string[];
  okLabel: string;
  onConfirm(): void;
}

/** The panels that open over the inspector. */
export type PanelName = "sandboxes" | "settings";

/** See {@link Confirmation}. */
export interface DialogSlice {
  confirmation?: Confirmation;
  panel?: PanelName;
}

/** Creates the dialog slice. */
export const createDialogSlice: StudioSlice<DialogSlice> = () => ({});
