/** The toasts in the corner: failures with their code, and short confirmations (which fade by themselves). */
import { useEffect } from "react";
import { dismissToast } from "../store/report.ts";
import { useStudio } from "../store/studio-store.ts";
import type { Toast } from "../store/toast-slice.ts";

/** See the module comment. */
export function Toasts() {
  const toasts = useStudio((state) => state.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastView key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastView({ toast }: { toast: Toast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismissToast(toast.id), toast.level === "error" ? 12_000 : 4_000);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className={`toast toast-${toast.level}`} data-testid="toast" data-code={toast.code}>
      <span className="toast-message">{toast.message}</span>
      <button className="icon-button" title="Dismiss" onClick={() => dismissToast(toast.id)}>
        ×
      </button>
    </div>
  );
}
