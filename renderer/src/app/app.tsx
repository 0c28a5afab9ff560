/** The studio's layout shell: sessions on the left, the fork tree in the middle, the inspector on the right. Features live in their own folders. */
import { useStudio } from "../store/studio-store.ts";

/** The root component. */
export function App() {
  const connection = useStudio((state) => state.connection);
  return (
    <div className="studio" data-testid="studio">
      <header className="studio-header">
        <span className="studio-title">Forklift</span>
        <span className="studio-connection" data-testid="connection-state">
          {connection.kind}
        </span>
      </header>
      <main className="studio-body">
        <aside className="studio-sessions" />
        <section className="studio-tree" />
        <aside className="studio-inspector" />
      </main>
    </div>
  );
}
