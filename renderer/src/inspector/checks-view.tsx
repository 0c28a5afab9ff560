/** The checks run on a node: pass/fail against the baseline, new and fixed failures by name, and the captured output. */
import type { CheckSummary } from "../../../shared/domain/check-summary.ts";
import type { CheckDetail } from "../../../shared/protocol/check-detail.ts";
import { useStudio } from "../store/studio-store.ts";
import { ErrorState, Loading } from "../ui/error-state.tsx";
import { formatDuration } from "../ui/format.ts";

/** See the module comment. `summaries` are the node's own (always there); the details load from node/checks. */
export function ChecksView({ nodeId, summaries }: { nodeId: string; summaries: CheckSummary[] }) {
  const checks = useStudio((state) => (state.checks?.nodeId === nodeId ? state.checks.data : undefined));
  const details = checks?.kind === "ready" ? checks.value : [];
  return (
    <section className="section" data-testid="checks">
      <h3>Checks</h3>
      {summaries.length === 0 && <p className="muted">No check has run on this node yet.</p>}
      {summaries.map((summary) => (
        <CheckRow key={summary.name} summary={summary} detail={details.find((detail) => detail.summary.name === summary.name)} />
      ))}
      {checks?.kind === "loading" && summaries.length > 0 && <Loading what="Loading the outputs" />}
      {checks?.kind === "error" && (
        <ErrorState code={checks.error.code} title="The check outputs could not be loaded">
          {checks.error.message}
        </ErrorState>
      )}
    </section>
  );
}

function CheckRow({ summary, detail }: { summary: CheckSummary; detail: CheckDetail | undefined }) {
  return (
    <div className={`check check-${summary.status}`} data-testid="check" data-name={summary.name} data-status={summary.status}>
      <div className="check-line">
        <span className={`check-status status-${summary.status}`}>{statusMark[summary.status]}</span>
        <span className="check-name">{summary.name}</span>
        <span className={`mode mode-${summary.mode}`}>{summary.mode}</span>
        <span className="muted">
          {summary.newFailures > 0 && `${summary.newFailures} new · `}
          {summary.fixedFailures > 0 && `${summary.fixedFailures} fixed · `}
          {summary.baselineFailures > 0 && `${summary.baselineFailures} already failing · `}
          {formatDuration(summary.durationMs)}
        </span>
      </div>
      {summary.detail && <div className="check-detail">{summary.detail}</div>}
      {detail && detail.newFailures.length > 0 && (
        <ul className="failures">
          {detail.newFailures.map((name) => (
            <li key={name} className="bad">
              {name}
            </li>
          ))}
        </ul>
      )}
      {detail && detail.fixedFailures.length > 0 && (
        <ul className="failures">
          {detail.fixedFailures.map((name) => (
            <li key={name} className="ok">
              fixed: {name}
            </li>
          ))}
        </ul>
      )}
      {detail?.output !== undefined && (
        <details className="check-output-box">
          <summary>
            output{detail.command ? ` of ${detail.command}` : ""}
            {detail.exitCode !== undefined ? ` (exit ${detail.exitCode})` : ""}
            {detail.outputTruncated ? " · cut to fit, head and tail kept" : ""}
          </summary>
          <pre className="code" data-testid="check-output">
            {detail.output}
          </pre>
        </details>
      )}
    </div>
  );
}

const statusMark: Record<CheckSummary["status"], string> = { passed: "✓", failed: "✗", error: "!", skipped: "–" };
