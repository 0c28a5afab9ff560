/** A block that says what is wrong and what to do, tagged with the engine's code or the status state. */
import type { ReactNode } from "react";

/** See the module comment. `code` goes to `data-code` (stable for tests and support). */
export function ErrorState({ code, title, children, action }: { code: string; title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state-error" data-testid="error-state" data-code={code} role="alert">
      <div className="state-title">{title}</div>
      {children !== undefined && <div className="state-body">{children}</div>}
      {action !== undefined && <div className="state-action">{action}</div>}
    </div>
  );
}

/** A quiet block for "nothing here yet", with what to do about it. */
export function EmptyState({ title, children, action }: { title: string; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state state-empty">
      <div className="state-title">{title}</div>
      {children !== undefined && <div className="state-body">{children}</div>}
      {action !== undefined && <div className="state-action">{action}</div>}
    </div>
  );
}

/** A line saying what is loading. */
export function Loading({ what }: { what: string }) {
  return (
    <div className="state state-loading" aria-busy="true">
      <span className="spinner" /> {what}…
    </div>
  );
}
