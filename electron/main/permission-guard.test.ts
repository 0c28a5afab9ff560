import { describe, expect, it } from "vitest";
import { blockedRequestPatterns, denyAllPermissions } from "./permission-guard.ts";
import type { GuardableSession } from "./permission-guard.ts";

/** A recording stand-in for a Session (Electron's binary is not installed here): it keeps what the guard installs. */
function recordedSession() {
  const recorded: {
    request?: Parameters<GuardableSession["setPermissionRequestHandler"]>[0];
    check?: Parameters<GuardableSession["setPermissionCheckHandler"]>[0];
    device?: Parameters<GuardableSession["setDevicePermissionHandler"]>[0];
    download?: (event: { preventDefault(): void }) => void;
    requestFilter?: { urls: string[] };
    beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  } = {};
  const session: GuardableSession = {
    setPermissionRequestHandler: (handler) => void (recorded.request = handler),
    setPermissionCheckHandler: (handler) => void (recorded.check = handler),
    setDevicePermissionHandler: (handler) => void (recorded.device = handler),
    on: (_event, listener) => void (recorded.download = listener),
    webRequest: { onBeforeRequest: (filter, listener) => void ((recorded.requestFilter = filter), (recorded.beforeRequest = listener)) },
  };
  denyAllPermissions(session);
  return recorded;
}

const permissions = ["media", "geolocation", "notifications", "clipboard-read", "clipboard-sanitized-write", "display-capture", "fullscreen", "openExternal", "pointerLock", "keyboardLock", "midiSysex", "fileSystem", "hid", "serial", "usb", "window-management", "unknown"];

describe("the permission guard", () => {
  it.each(permissions)("denies the permission request %s", (permission) => {
    const recorded = recordedSession();
    let granted: boolean | undefined;
    recorded.request?.({}, permission, (answer) => (granted = answer));
    expect(granted).toBe(false);
  });

  it.each(permissions)("answers no to the permission check %s", (permission) => {
    expect(recordedSession().check?.({}, permission)).toBe(false);
  });

  it("denies every device (HID, serial, USB)", () => {
    expect(recordedSession().device?.({ deviceType: "usb", origin: "forklift-app://app" })).toBe(false);
  });

  it("cancels downloads (exports go through the bridge's save dialog)", () => {
    let prevented = false;
    recordedSession().download?.({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it("cancels every network and file request of the renderer's session", () => {
    const recorded = recordedSession();
    expect(recorded.requestFilter?.urls).toEqual([...blockedRequestPatterns]);
    for (const scheme of ["http", "https", "ws", "wss", "file"]) expect(blockedRequestPatterns.some((pattern) => pattern.startsWith(`${scheme}://`))).toBe(true);
    let answer: { cancel: boolean } | undefined;
    recorded.beforeRequest?.({ url: "https://attacker.example/exfiltrate?data=1" }, (response) => (answer = response));
    expect(answer).toEqual({ cancel: true });
  });
});
