/** The renderer's entry: connects to the engine, mounts the studio, and loads Monaco once the first screen is up. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { connectEngine } from "./engine/connect-engine.ts";
import { wireEngine } from "./engine/wire-engine.ts";
import { warmDiffEditor } from "./monaco/diff-editor.ts";
import { loadMonaco } from "./monaco/load-monaco.ts";
import "./app/app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
wireEngine(connectEngine());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Monaco is a separate chunk: fetch it and warm the diff editor while the user looks at the
// tree, so that the first selection shows its diff as quickly as the next ones
setTimeout(() => void loadMonaco().then(warmDiffEditor), 0);
