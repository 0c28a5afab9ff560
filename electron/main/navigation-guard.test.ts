import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { guardNavigation, isSafeExternalUrl } from "./navigation-guard.ts";
import type { GuardableContents } from "./navigation-guard.ts";

/** A recording stand-in for a webContents (Electron's binary is not installed here): it fires events as Electron would and keeps the window-open handler. */
function recordedContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: "deny" }) | undefined;
  const contents: GuardableContents = {
    on: (event: string, listener: (event: never) => void) => emitter.on(event, listener as (event: unknown) => void),
    setWindowOpenHandler: (handler) => void (openHandler = handler),
  } as GuardableContents;
  const opened: string[] = [];
  guardNavigation(contents, async (url) => void opened.push(url));
  const fire = (event: string, url: string) => {
    let prevented = false;
    emitter.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { fire, opened, open: (url: string) => openHandler?.({ url }), listeners: (event: string) => emitter.listenerCount(event) };
}

describe("the navigation guard", () => {
  it("lets the app navigate within its own origin", () => {
    const contents = recordedContents();
    expect(contents.fire("will-navigate", "forklift-app://app/index.html")).toBe(false);
    expect(contents.fire("will-frame-navigate", "forklift-app://app/index.html#sessions")).toBe(false);
    expect(contents.fire("will-redirect", "forklift-app://app/index.html")).toBe(false);
  });

  it.each(["https://example.com/", "http://127.0.0.1:8080/", "file:///etc/passwd", "forklift-app://app.evil.com/", "javascript:alert(1)", "data:text/html,<script>1</script>", "devtools://devtools/"])(
    "cancels navigating, frame-navigating and redirecting to %s",
    (url) => {
      const contents = recordedContents();
      expect(contents.fire("will-navigate", url)).toBe(true);
      expect(contents.fire("will-frame-navigate", url)).toBe(true);
      expect(contents.fire("will-redirect", url)).toBe(true);
    },
  );

  it("hands only https links to the user's browser, once per navigation", () => {
    const contents = recordedContents();
    contents.fire("will-navigate", "https://github.com/forklift");
    contents.fire("will-frame-navigate", "https://github.com/forklift");
    contents.fire("will-navigate", "http://example.com/");
    contents.fire("will-navigate", "file:///etc/passwd");
    contents.fire("will-navigate", "smb://share/x");
    expect(contents.opened).toEqual(["https://github.com/forklift"]);
  });

  it("denies every new window, opening https ones in the browser instead", () => {
    const contents = recordedContents();
    expect(contents.open("https://docs.example.com/page")).toEqual({ action: "deny" });
    expect(contents.open("forklift-app://app/index.html")).toEqual({ action: "deny" });
    expect(contents.open("ms-msdt:/id PCWDiagnostic")).toEqual({ action: "deny" });
    expect(contents.opened).toEqual(["https://docs.example.com/page"]);
  });

  it("never attaches a webview", () => {
    const contents = recordedContents();
    expect(contents.listeners("will-attach-webview")).toBe(1);
    expect(contents.fire("will-attach-webview", "forklift-app://app/index.html")).toBe(true);
  });
});

describe("isSafeExternalUrl", () => {
  it("accepts https pages and nothing else", () => {
    expect(isSafeExternalUrl("https://github.com/forklift/forklift#readme")).toBe(true);
    for (const url of ["http://example.com", "file:///C:/Windows/system32/calc.exe", "https://user:pass@example.com/", "javascript:alert(1)", "not a url", `https://example.com/${"a".repeat(3000)}`]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});
