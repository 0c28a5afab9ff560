/** Forklift's sandboxes on the Docker host by session and node (checkpoints and live containers, disk used), and gc with a preview. */
import { useEffect } from "react";
import type { CheckpointEntry, ContainerEntry, GcReport } from "../../../shared/protocol/sandbox-listing.ts";
import { useStudio } from "../store/studio-store.ts";
import { EmptyState, ErrorState, Loading } from "../ui/error-state.tsx";
import { formatAge, formatBytes, shortId } from "../ui/format.ts";
import { groupSandboxes } from "./group-sandboxes.ts";
import { loadSandboxes, previewGc, runGc } from "./sandbox-actions.ts";

/** See the module comment. */
export function SandboxesPanel() {
  const sandboxes = useStudio((state) => state.sandboxes);
  const gc = useStudio((state) => state.gc);
  useEffect(() => {
    void loadSandboxes();
    useStudio.setState({ gc: undefined });
  }, []);
  return (
    <div className="panel" data-testid="sandboxes-panel">
      <div className="pane-header">
        <span>Sandboxes</span>
        <span className="spacer" />
        <button className="small" onClick={() => void loadSandboxes()}>
          Refresh
        </button>
        <button className="small" data-testid="gc-open" onClick={() => void previewGc()} title="See what gc would remove (nothing is removed yet)">
          Clean up…
        </button>
        <button className="small" onClick={() => useStudio.setState({ panel: undefined })}>
          Close
        </button>
      </div>
      {gc && <GcPreview gc={gc} />}
      {sandboxes.kind === "loading" && <Loading what="Asking Docker" />}
      {sandboxes.kind === "error" && (
        <ErrorState code={sandboxes.error.code} title="Docker did not answer" action={<button onClick={() => void loadSandboxes()}>Retry</button>}>
          {sandboxes.error.message}
        </ErrorState>
      )}
      {sandboxes.kind === "ready" && (
        <>
          <div className="panel-summary">
            {sandboxes.value.checkpoints.length} checkpoints · {sandboxes.value.containers.length} containers · {formatBytes(sandboxes.value.diskBytes)} on disk
          </div>
          {sandboxes.value.checkpoints.length + sandboxes.value.containers.length === 0 && <EmptyState title="No Forklift sandbox on this Docker host" />}
          {groupSandboxes(sandboxes.value).map((group) => (
            <div className="sandbox-group" key={group.sessionId ?? "none"}>
              <div className="sandbox-group-title">
                {group.sessionId ? `session ${shortId(group.sessionId)}` : "no session label"} · {formatBytes(group.bytes)}
                {group.live ? <span className="badge">live</span> : <span className="badge badge-muted">gc can remove</span>}
              </div>
              {group.checkpoints.map((entry) => (
                <CheckpointRow key={entry.imageId} entry={entry} />
              ))}
              {group.containers.map((entry) => (
                <ContainerRow key={entry.containerId} entry={entry} />
              ))}
            </div>
          ))}
        </>
      )}
    </div>
  );
}

function CheckpointRow({ entry }: { entry: CheckpointEntry }) {
  return (
    <div className="sandbox-row" data-testid="sandbox-checkpoint" data-node-id={entry.nodeId}>
      <span className="sandbox-kind">image</span>
      <span className="mono">{entry.nodeId ? shortId(entry.nodeId) : shortId(entry.imageId.replace(/^sha256:/, ""))}</span>
      <span className="muted">{entry.live ? "kept" : "collectable"}</span>
      <span className="muted">{formatBytes(entry.sizeBytes)}</span>
      <span className="muted">{formatAge(entry.createdAt)}</span>
    </div>
  );
}

function ContainerRow({ entry }: { entry: ContainerEntry }) {
  return (
    <div className="sandbox-row" data-testid="sandbox-container" data-node-id={entry.nodeId}>
      <span className="sandbox-kind">{entry.role}</span>
      <span className="mono">{entry.nodeId ? shortId(entry.nodeId) : shortId(entry.containerId)}</span>
      <span className="muted">{entry.state}</span>
      <span className="muted">{entry.sizeBytes !== undefined ? formatBytes(entry.sizeBytes) : ""}</span>
      <span className="muted">{formatAge(entry.createdAt)}</span>
    </div>
  );
}

function GcPreview({ gc }: { gc: NonNullable<ReturnType<typeof useStudio.getState>["gc"]> }) {
  if (gc.kind === "loading") return <Loading what="Collecting" />;
  if (gc.kind === "error")
    return (
      <ErrorState code={gc.error.code} title="gc failed">
        {gc.error.message}
      </ErrorState>
    );
  const report: GcReport = gc.value;
  const count = report.containers.length + report.images.length;
  return (
    <div className="gc-preview" data-testid="gc-preview" data-dry-run={report.dryRun ? "true" : "false"} data-count={count}>
      {report.dryRun ? (
        count === 0 ? (
          <span>Nothing to collect: every sandbox belongs to a live session.</span>
        ) : (
          <>
            <span>
              gc would remove {report.containers.length} containers and {report.images.length} images, giving back {formatBytes(report.reclaimedBytes)}. Live sessions
              keep theirs.
            </span>
            <button className="danger" data-testid="gc-run" onClick={() => void runGc()}>
              Remove them
            </button>
          </>
        )
      ) : (
        <span>
          Removed {report.containers.length} containers and {report.images.length} images ({formatBytes(report.reclaimedBytes)}).
          {report.failed.length > 0 && ` ${report.failed.length} could not be removed: ${report.failed.map((failure) => failure.reason).join("; ")}`}
        </span>
      )}
    </div>
  );
}
