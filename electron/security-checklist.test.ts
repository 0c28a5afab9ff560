/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security, items
 * 1–20), item by item: how the shell covers it, checked here against the recorded options and
 * the pure guards (Electron's binary is not installed on this machine, so nothing here starts
 * Electron; the e2e in e2e/electron does where it can). Each describe names the item; the
 * detailed cases live in the test file it points to.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appEntryUrl, entryUrlFor, isAppUrl } from "./main/app-origin.ts";
import { appSchemePrivileges } from "./main/app-protocol.ts";
import { rendererCsp } from "./main/content-security-policy.ts";
import { isTrustedSender } from "./main/ipc-sender.ts";
import { isSafeExternalUrl } from "./main/navigation-guard.ts";
import { blockedRequestPatterns } from "./main/permission-guard.ts";
import { mainWindowOptions } from "./main/window-options.ts";
import { createStudioBridge } from "./preload/create-studio-bridge.ts";
import { repositoryRoot } from "./scripts/build-electron.ts";

const options = mainWindowOptions("/app/dist/electron/preload.cjs");
const preferences = options.webPreferences ?? {};
const mainSource = readFileSync(path.join(repositoryRoot, "electron", "main", "main.ts"), "utf8");

describe("the studio window's options (recorded)", () => {
  it("are exactly these webPreferences: every power off, the one preload", () => {
    expect(preferences).toEqual({
      preload: "/app/dist/electron/preload.cjs",
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
    });
  });
});

describe("1. Only load secure content", () => {
  it("loads only the app's own secure scheme; the session cancels http(s), ws(s) and file requests; the CSP names no remote origin", () => {
    expect(isAppUrl(appEntryUrl)).toBe(true);
    expect(appSchemePrivileges.privileges?.secure).toBe(true);
    expect(blockedRequestPatterns).toEqual(expect.arrayContaining(["http://*/*", "https://*/*", "ws://*/*", "wss://*/*", "file://*/*"]));
    expect(rendererCsp).not.toMatch(/https?:|wss?:/);
  });
});

describe("2. Do not enable Node.js integration for remote content", () => {
  it("has Node off in the page, its workers and its frames (and loads no remote content at all)", () => {
    expect(preferences).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
  });
});

describe("3. Enable context isolation", () => {
  it("isolates the preload's world from the page's", () => expect(preferences.contextIsolation).toBe(true));
});

describe("4. Enable process sandboxing", () => {
  it("sandboxes the window and every other renderer (app.enableSandbox before ready)", () => {
    expect(preferences.sandbox).toBe(true);
    expect(mainSource).toMatch(/app\.enableSandbox\(\);[\s\S]*app\.whenReady\(\)/);
  });
});

describe("5. Handle session permission requests from remote content", () => {
  it("denies every permission request and check in the window's session (detail: main/permission-guard.test.ts)", () => {
    expect(preferences).not.toHaveProperty("partition");
    expect(preferences).not.toHaveProperty("session");
    expect(mainSource).toContain("denyAllPermissions(session.defaultSession)");
  });
});

describe("6. Do not disable webSecurity", () => {
  it("keeps the same-origin policy", () => expect(preferences.webSecurity).toBe(true));
});

describe("7. Define a Content-Security-Policy", () => {
  it("sends script-src 'self' under default-src 'none' on every app response (detail: main/app-protocol.test.ts)", () => {
    expect(rendererCsp.startsWith("default-src 'none'; script-src 'self';")).toBe(true);
    expect(rendererCsp).not.toContain("unsafe-eval");
  });
});

describe("8. Do not enable allowRunningInsecureContent", () => {
  it("refuses mixed content", () => expect(preferences.allowRunningInsecureContent).toBe(false));
});

describe("9. Do not enable experimental features", () => {
  it("has them off", () => expect(preferences.experimentalFeatures).toBe(false));
});

describe("10. Do not use enableBlinkFeatures", () => {
  it("enables no Blink feature and passes no extra renderer arguments", () => {
    expect(preferences).not.toHaveProperty("enableBlinkFeatures");
    expect(preferences).not.toHaveProperty("additionalArguments");
  });
});

describe("11. Do not use allowpopups for WebViews", () => {
  it("does not apply: the webview tag is off, so no webview exists to allow popups", () => expect(preferences.webviewTag).toBe(false));
});

describe("12. Verify WebView options before creation", () => {
  it("never attaches any webview: will-attach-webview is always prevented (detail: main/navigation-guard.test.ts)", () => {
    expect(mainSource).toContain('app.on("web-contents-created", (_event, contents) => guardNavigation(contents');
  });
});

describe("13. Disable or limit navigation", () => {
  it("allows the app origin only, parsed rather than prefix-matched (detail: main/navigation-guard.test.ts)", () => {
    expect(isAppUrl("forklift-app://app/index.html")).toBe(true);
    for (const url of ["forklift-app://app.attacker.example/", "https://forklift-app.example/", "file:///index.html", "forklift-app://app@evil/"]) expect(isAppUrl(url), url).toBe(false);
  });
});

describe("14. Disable or limit creation of new windows", () => {
  it("denies every window.open and target=_blank (detail: main/navigation-guard.test.ts)", () => {
    expect(mainSource).toContain("guardNavigation(contents");
  });
});

describe("15. Do not use shell.openExternal with untrusted content", () => {
  it("opens only validated https URLs, never file:, smb:, custom schemes or credentials", () => {
    expect(isSafeExternalUrl("https://example.com/docs")).toBe(true);
    for (const url of ["file:///etc/passwd", "smb://host/share", "ms-msdt:/id", "https://u:p@example.com/", "javascript:alert(1)"]) expect(isSafeExternalUrl(url), url).toBe(false);
  });
});

describe("16. Use a current version of Electron", () => {
  it("pins Electron 33, the line whose installer still runs on the Node 20 of our machines and CI (not current: move up with Node 22)", () => {
    const installed = JSON.parse(readFileSync(path.join(repositoryRoot, "node_modules", "electron", "package.json"), "utf8")) as { version: string };
    const pinned = (JSON.parse(readFileSync(path.join(repositoryRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies.electron;
    expect(pinned).toMatch(/^\^33\./);
    expect(installed.version.split(".")[0]).toBe("33");
  });
});

describe("17. Validate the sender of all IPC messages", () => {
  it("accepts only the studio window's top frame on the app origin (detail: main/ipc-handlers.test.ts)", () => {
    const event = { sender: { id: 1 }, senderFrame: { url: "forklift-app://app/index.html", parent: null } };
    expect(isTrustedSender(event, 1)).toBe(true);
    expect(isTrustedSender({ ...event, senderFrame: { url: "https://evil.example/", parent: null } }, 1)).toBe(false);
  });
});

describe("18. Avoid usage of the file:// protocol and prefer usage of custom protocols", () => {
  it("serves the renderer over forklift-app:// (standard, secure) and never loads file://", () => {
    expect(appEntryUrl).toBe("forklift-app://app/index.html");
    expect(entryUrlFor(["electron", "main.cjs", "--demo"])).toBe("forklift-app://app/index.html?demo=1");
    expect(isAppUrl(entryUrlFor(["--demo"]))).toBe(true);
    expect(appSchemePrivileges.privileges).toMatchObject({ standard: true, secure: true });
    expect(appSchemePrivileges.privileges).not.toHaveProperty("bypassCSP");
    expect(mainSource).not.toMatch(/loadFile\(|file:\/\//);
  });
});

describe("19. Check which fuses you can change", () => {
  it("turns off RunAsNode, NODE_OPTIONS, --inspect and file:// privileges in the package (detail: packaging/electron-builder-config.test.ts)", () => {
    const builderConfig = readFileSync(path.join(repositoryRoot, "electron-builder.yml"), "utf8");
    for (const fuse of ["runAsNode: false", "enableNodeOptionsEnvironmentVariable: false", "enableNodeCliInspectArguments: false", "grantFileProtocolExtraPrivileges: false", "onlyLoadAppFromAsar: true"]) {
      expect(builderConfig).toContain(fuse);
    }
  });
});

describe("20. Do not expose Electron APIs to untrusted web content", () => {
  it("exposes only the StudioBridge: no ipcRenderer, no channel names, no generic invoke (detail: preload/preload.test.ts)", () => {
    const preload = readFileSync(path.join(repositoryRoot, "electron", "preload", "preload.ts"), "utf8");
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    const bridge = createStudioBridge({ send: () => undefined, invoke: async () => undefined, onEnginePort: () => undefined });
    expect(Object.keys(bridge).sort()).toEqual(["host", "pickPath", "rpc", "saveFile"]);
    expect(Object.keys(bridge.rpc).sort()).toEqual(["onMessage", "send"]);
  });
});
