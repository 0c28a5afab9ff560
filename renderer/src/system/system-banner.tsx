/**
 * What stops the studio from working, said once above everything with what to do: the engine
 * disconnected, Docker missing / not running / not permitted, the base image missing.
 */
import { useStudio } from "../store/studio-store.ts";
import { ErrorState } from "../ui/error-state.tsx";
import { RetryCountdown } from "./retry-countdown.tsx";
import { machineProblem } from "./machine-problem.ts";
import { loadSystem } from "./system-actions.ts";

/** See the module comment. */
export function SystemBanner() {
  const connection = useStudio((state) => state.connection);
  const system = useStudio((state) => state.system);
  if (connection.kind === "closed")
    return (
      <ErrorState code="disconnected" title="The engine is not connected">
        {connection.reason.replace(/[.?!]$/, "")} · <RetryCountdown at={connection.retryAt} />
      </ErrorState>
    );
  if (system.kind === "error")
    return (
      <ErrorState code={system.error.code} title="The engine could not report the machine's status" action={<button onClick={() => void loadSystem()}>Retry</button>}>
        {system.error.message}
      </ErrorState>
    );
  if (system.kind !== "ready") return null;
  const problem = machineProblem(system.value);
  if (!problem) return null;
  return (
    <ErrorState code={problem.code} title={problem.title} action={<button onClick={() => void loadSystem()}>Check again</button>}>
      {problem.message}
    </ErrorState>
  );
}
