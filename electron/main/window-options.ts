/**
 * The studio window's options, as one pure object so a test can hold every security setting
 * against Electron's checklist without the Electron binary. Each renderer-facing power is off
 * unless the studio needs it; the defaults that already match are still written out, so a
 * change of default in a future Electron cannot weaken the window silently.
 */
import type { BrowserWindowConstructorOptions } from "electron";

/** The options of the one studio window; `preload` is the bundled CommonJS bridge. */
export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: "Forklift",
    show: false,
    backgroundColor: "#14161a",
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // no enableBlinkFeatures, no additionalArguments, no partition: the default session, hardened at startup
    },
  };
}
