/**
 * The session guard (checklist item 5 and defence in depth behind the CSP): the studio needs no
 * browser permission (camera, notifications, clipboard-read, USB…), no network from the
 * renderer (the engine is reached over a MessagePort) and no download (exports go through the
 * save dialog of the bridge), so every one of them is refused.
 */
import type { PreventableEvent } from "./navigation-guard.ts";

/** URL patterns of network requests the renderer's session cancels: everything that leaves the machine or reads local files. */
export const blockedRequestPatterns: readonly string[] = ["http://*/*", "https://*/*", "ws://*/*", "wss://*/*", "ftp://*/*", "file://*/*"];

/** The part of an Electron Session the guard configures (a test can record it). */
export interface GuardableSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  on(event: "will-download", listener: (event: PreventableEvent) => void): unknown;
  readonly webRequest: {
    onBeforeRequest(filter: { urls: string[] }, listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Denies every permission request and check, every device, every download and every network request of the session. */
export function denyAllPermissions(session: GuardableSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on("will-download", (event) => event.preventDefault());
  session.webRequest.onBeforeRequest({ urls: [...blockedRequestPatterns] }, (_details, callback) => callback({ cancel: true }));
}
