/** The modal confirmation before something that cannot be undone (prune, gc). Enter confirms, Escape cancels. */
import { useEffect, useRef } from "react";
import { useStudio } from "../store/studio-store.ts";

/** See the module comment. */
export function ConfirmDialog() {
  const confirmation = useStudio((state) => state.confirmation);
  const ok = useRef<HTMLButtonElement>(null);
  useEffect(() => ok.current?.focus(), [confirmation]);
  if (!confirmation) return null;
  const close = () => useStudio.setState({ confirmation: undefined });
  const confirm = () => {
    close();
    confirmation.onConfirm();
  };
  return (
    <div className="modal-backdrop" onMouseDown={close}>
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === "Escape") close();
        }}
      >
        <div className="modal-title" id="confirm-title">
          {confirmation.title}
        </div>
        <p className="modal-body">{confirmation.message}</p>
        {confirmation.details && confirmation.details.length > 0 && (
          <ul className="modal-details">
            {confirmation.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <div className="modal-buttons">
          <button data-testid="confirm-cancel" onClick={close}>
            Cancel
          </button>
          <button ref={ok} className="danger" data-testid="confirm-ok" onClick={confirm}>
            {confirmation.okLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
