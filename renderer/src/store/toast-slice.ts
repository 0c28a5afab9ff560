/** Short messages in the corner: an action's failure with the engine's code and what to do, or a success worth saying. */
import type { ErrorCode } from "../../../shared/errors.ts";
import type { StudioSlice } from "./studio-store.ts";

/** One toast. */
export interface Toast {
  id: number;
  level: "info" | "error";
  message: string;
  code?: ErrorCode;
}

/** See {@link Toast}. */
export interface ToastSlice {
  toasts: Toast[];
}

/** Creates the toast slice. */
export const createToastSlice: StudioSlice<ToastSlice> = () => ({ toasts: [] });

/** The toasts with one more at the end (at most `max`, the oldest dropped). */
export function withToast(toasts: Toast[], toast: Omit<Toast, "id">, max = 5): Toast[] {
  const id = (toasts.at(-1)?.id ?? 0) + 1;
  return [...toasts, { ...toast, id }].slice(-max);
}
