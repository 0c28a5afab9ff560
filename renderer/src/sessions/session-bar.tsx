/** The active session's strip above the tree: status and controls, budget meters, progress, sites left over time. */
import { useDeferredValue, useMemo } from "react";
import { sitesOverTime } from "../../../shared/domain/sites-over-time.ts";
import type { SitesPoint } from "../../../shared/domain/sites-over-time.ts";
import type { Session } from "../../../shared/domain/session.ts";
import type { Tree } from "../../../shared/domain/tree.ts";
import type { SessionInfo } from "../../../shared/protocol/session-info.ts";
import { valueOf } from "../store/loadable.ts";
import { useStudio } from "../store/studio-store.ts";
import type { Progress } from "../trees/trees-slice.ts";
import { formatCount, formatDuration, formatUsd } from "../ui/format.ts";
import { Meter } from "../ui/meter.tsx";
import { controlSession } from "./session-actions.ts";
import { SitesChart } from "./sites-chart.tsx";
import { spendOf } from "./spend-of.ts";

/** See the module comment. */
export function SessionBar({ session, tree }: { session: Session; tree: Tree | undefined }) {
  const info = useStudio((state) => valueOf(state.infos[session.id]));
  const progress = useStudio((state) => state.progress[session.id]);
  // during a burst of deltas the tree changes every frame: the chart follows at low priority
  const deferredTree = useDeferredValue(tree);
  const points = useMemo(() => (deferredTree ? sitesOverTime(deferredTree) : []), [deferredTree]);
  const running = session.status === "running" || session.status === "preparing";
  return (
    <div className="session-bar">
      <div className="session-bar-row">
        <span className="session-bar-name" title={info?.goal}>
          {session.specName}
        </span>
        <span className={`status-pill status-${session.status}`} data-testid="session-status" data-status={session.status} title={session.reason}>
          {session.status}
          {session.reason ? `: ${session.reason}` : ""}
        </span>
        <span className="spacer" />
        {running && (
          <button data-testid="session-pause" onClick={() => void controlSession(session.id, "pause")} title="Stop generating after what is in flight; the tree stays">
            Pause
          </button>
        )}
        {(session.status === "paused" || session.status === "failed") && (
          <button data-testid="session-resume" onClick={() => void controlSession(session.id, "resume")} title="Continue the search">
            Resume
          </button>
        )}
        {session.status !== "stopped" && session.status !== "done" && (
          <button data-testid="session-stop" onClick={() => void controlSession(session.id, "stop")} title="End the session for good; its tree can still be exported and applied">
            Stop
          </button>
        )}
      </div>
      <div className="session-bar-row">
        <BudgetMeters info={info} progress={progress} />
        <ProgressBar info={info} points={points} progress={progress} />
        <SitesChart points={points} total={info?.sitesAtRoot} />
      </div>
    </div>
  );
}

function BudgetMeters({ info, progress }: { info: SessionInfo | undefined; progress: Progress | undefined }) {
  const spent = spendOf(info, progress);
  const budgets = info?.budgets ?? {};
  return (
    <div className="budget-meters" data-testid="budget-meters">
      <Meter label="tokens" used={spent.tokens} limit={budgets.tokens} text={`${formatCount(spent.tokens)}${budgets.tokens ? ` / ${formatCount(budgets.tokens)}` : ""}`} />
      <Meter label="cost" used={spent.usd} limit={budgets.usd} text={`${formatUsd(spent.usd)}${budgets.usd ? ` / ${formatUsd(budgets.usd)}` : ""}`} />
      <Meter
        label="time"
        used={spent.wallMs}
        limit={budgets.wallMinutes !== undefined ? budgets.wallMinutes * 60_000 : undefined}
        text={`${formatDuration(spent.wallMs)}${budgets.wallMinutes ? ` / ${budgets.wallMinutes} min` : ""}`}
      />
    </div>
  );
}

function ProgressBar({ info, points, progress }: { info: SessionInfo | undefined; points: SitesPoint[]; progress: Progress | undefined }) {
  const total = info?.sitesAtRoot;
  const left = points.at(-1)?.sitesLeft ?? progress?.sitesLeft ?? total;
  const share = total && left !== undefined ? (total - left) / total : total === 0 ? 1 : 0;
  const label = total === undefined || left === undefined ? "sites: …" : `${total - left} of ${total} sites done · depth ${progress?.depth ?? "–"}${progress?.nodesChecking ? ` · ${progress.nodesChecking} checking` : ""}`;
  return (
    <div className="progress" data-testid="progress-bar" data-sites-left={left} data-sites-total={total} title="Target sites migrated by the best node so far">
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      <span className="progress-text">{label}</span>
    </div>
  );
}
