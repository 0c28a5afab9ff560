/** Turns a failed action into a toast carrying the engine's code and its one-line message. */
import { toErrorValue } from "../../../shared/errors.ts";
import type { ErrorValue } from "../../../shared/errors.ts";
import { useStudio } from "./studio-store.ts";
import { withToast } from "./toast-slice.ts";

/** Shows `error` as an error toast, prefixed with what was being done; returns its ErrorValue. */
export function reportError(doing: string, error: unknown): ErrorValue {
  const value = toErrorValue(error);
  useStudio.setState((state) => ({ toasts: withToast(state.toasts, { level: "error", message: `${doing}: ${value.message}`, code: value.code }) }));
  return value;
}

/** Shows an informational toast. */
export function reportInfo(message: string): void {
  useStudio.setState((state) => ({ toasts: withToast(state.toasts, { level: "info", message }) }));
}

/** Removes a toast. */
export function dismissToast(id: number): void {
  useStudio.setState((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
}
