/**
 * Navigation and window guards for every webContents (checklist items 12–15): the renderer never
 * leaves the app origin, never opens a window, never attaches a webview. A link to an https page
 * goes to the user's browser, once validated; every other scheme is dropped.
 */
import { isAppUrl } from "./app-origin.ts";

/** The part of an Electron event the guards use. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of a webContents the guards attach to (Electron's WebContents has it; a test can record it). */
export interface GuardableContents {
  on(event: "will-navigate", listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: "will-frame-navigate", listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: "will-redirect", listener: (event: PreventableEvent & { url: string }) => void): unknown;
  on(event: "will-attach-webview", listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void;
}

/** Where a refused link may still go: the OS's handler for https (Electron's `shell.openExternal`). */
export type OpenExternal = (url: string) => Promise<void>;

/** Whether a URL may be handed to the user's browser: https only, no credentials, a host, a sane length. */
export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === "https:" && parsed.hostname !== "" && parsed.username === "" && parsed.password === "";
}

/**
 * Installs the guards on one webContents: navigations and redirects away from the app origin
 * are cancelled (an https target is opened in the browser instead), new windows are denied the
 * same way, and webviews are never attached.
 */
export function guardNavigation(contents: GuardableContents, openExternal: OpenExternal): void {
  const handOff = (url: string): void => {
    if (isSafeExternalUrl(url)) void openExternal(url).catch(() => undefined);
  };
  const keepInApp = (event: PreventableEvent & { url: string }): void => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    handOff(event.url);
  };
  contents.on("will-navigate", keepInApp);
  contents.on("will-frame-navigate", (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on("will-redirect", (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    handOff(url);
    return { action: "deny" };
  });
}
