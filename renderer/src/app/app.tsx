/** The studio's layout shell: the header, sessions on the left, the fork tree in the middle, the inspector (or a panel) on the right. Features live in their own folders. */
import { Inspector } from "../inspector/inspector.tsx";
import { SandboxesPanel } from "../sandboxes/sandboxes-panel.tsx";
import { SessionList } from "../sessions/session-list.tsx";
import { SettingsPanel } from "../settings/settings-panel.tsx";
import { useStudio } from "../store/studio-store.ts";
import { SystemBanner } from "../system/system-banner.tsx";
import { ConfirmDialog } from "../ui/confirm-dialog.tsx";
import { Toasts } from "../ui/toasts.tsx";
import { Header } from "./header.tsx";
import { useGlobalKeys } from "./use-global-keys.ts";
import { TreeArea } from "./tree-area.tsx";

/** The root component. */
export function App() {
  const panel = useStudio((state) => state.panel);
  const drafting = useStudio((state) => state.draft !== undefined);
  useGlobalKeys();
  return (
    <div className="studio" data-testid="studio">
      <Header />
      <SystemBanner />
      <main className="studio-body">
        <aside className="studio-sessions">
          <SessionList />
        </aside>
        {/* the new-session form takes the inspector's room too: the spec editor needs the width */}
        <section className={`studio-tree ${drafting && panel === undefined ? "studio-wide" : ""}`}>
          <TreeArea />
        </section>
        {(!drafting || panel !== undefined) && (
          <aside className="studio-inspector">
            {panel === "sandboxes" && <SandboxesPanel />}
            {panel === "settings" && <SettingsPanel />}
            {panel === undefined && <Inspector />}
          </aside>
        )}
      </main>
      <ConfirmDialog />
      <Toasts />
    </div>
  );
}
