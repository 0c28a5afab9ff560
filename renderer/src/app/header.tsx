/** The studio's header: the name, the machine's state at a glance, the panels, and the connection to the engine. */
import { assertNever } from "../../../shared/assert-never.ts";
import type { LinkState } from "../engine/engine-link.ts";
import { valueOf } from "../store/loadable.ts";
import type { PanelName } from "../store/dialog-slice.ts";
import { useStudio } from "../store/studio-store.ts";

/** See the module comment. */
export function Header() {
  const connection = useStudio((state) => state.connection);
  const system = useStudio((state) => valueOf(state.system));
  const panel = useStudio((state) => state.panel);
  const toggle = (name: PanelName) => useStudio.setState({ panel: panel === name ? undefined : name });
  return (
    <header className="studio-header">
      <span className="studio-title">Forklift</span>
      {system && <span className="muted">v{system.version}</span>}
      <span className="spacer" />
      {system && (
        <>
          <span className={`chip ${system.docker.state === "ready" ? "chip-ok" : "chip-bad"}`} title={system.docker.state === "ready" ? system.docker.endpoint : system.docker.message}>
            docker {system.docker.state === "ready" ? (system.docker.version ?? "ready") : system.docker.state}
          </span>
          <span className={`chip ${system.llm.state === "configured" ? "chip-ok" : "chip-warn"}`} title={system.llm.message ?? system.llm.baseUrl}>
            llm {system.llm.state === "configured" ? (system.llm.model ?? "configured") : "not configured"}
          </span>
        </>
      )}
      <button className={`small ${panel === "sandboxes" ? "on" : ""}`} data-testid="open-sandboxes" onClick={() => toggle("sandboxes")}>
        Sandboxes
      </button>
      <button className={`small ${panel === "settings" ? "on" : ""}`} data-testid="open-settings" onClick={() => toggle("settings")}>
        Settings
      </button>
      <span className={`connection connection-${connection.kind}`} data-testid="connection-state" data-state={connection.kind} title={connectionTitle(connection)}>
        {connectionText(connection)}
      </span>
    </header>
  );
}

function connectionText(connection: LinkState): string {
  switch (connection.kind) {
    case "connecting":
      return connection.attempt === 0 ? "connecting" : "reconnecting";
    case "open":
      return "connected";
    case "closed":
      return "disconnected";
    default:
      return assertNever(connection, "link state");
  }
}

function connectionTitle(connection: LinkState): string {
  if (connection.kind === "open") return `connected to the engine over ${connection.via === "electron" ? "the Electron bridge" : "a WebSocket"}`;
  if (connection.kind === "closed") return connection.reason;
  return "connecting to the engine";
}
