/** The renderer's entry: connects to the engine, mounts the studio, and loads Monaco once the first screen has settled. */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { connectEngine } from "./engine/connect-engine.ts";
import { wireEngine } from "./engine/wire-engine.ts";
import { preloadMonacoWhenSettled } from "./monaco/preload-monaco.ts";
import "./app/app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
wireEngine(connectEngine());
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// Monaco is a separate chunk: fetched and warmed once the tree is drawn, while the user looks at
// it, so that the first selection shows its diff as quickly as the next ones
preloadMonacoWhenSettled();
