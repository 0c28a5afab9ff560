/**
 * Builds the studio's renderer (React + Monaco) into dist/renderer: relative asset paths so the
 * same bundle is served by the browser host and by Electron's app protocol; Monaco's workers are
 * bundled from the npm package (never a CDN); a Node built-in anywhere in it fails the build.
 */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { refuseNodeBuiltins } from "./build/refuse-node-builtins.ts";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  base: "./",
  plugins: [refuseNodeBuiltins(), react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/renderer", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // the renderer must not inline scripts: the hosts' CSP forbids them
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 8000,
  },
  worker: { format: "es" },
});
