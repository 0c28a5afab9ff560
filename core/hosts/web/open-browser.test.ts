// Which command opens the user's browser: open on macOS, start on Windows, xdg-open on a Linux
// desktop, none on a machine without a display or without xdg-open (then the URL is only printed).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { browserOpener } from "./open-browser.ts";

const bin = mkdtempSync(path.join(tmpdir(), "forklift-bin-"));
writeFileSync(path.join(bin, "xdg-open"), "#!/bin/sh\nexit 0\n");
chmodSync(path.join(bin, "xdg-open"), 0o755);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

describe("browserOpener", () => {
  it("names each platform's opener, and none where a Linux machine cannot show a browser", () => {
    expect(browserOpener("darwin", {})).toEqual({ command: "open", args: [] });
    expect(browserOpener("win32", {})?.command).toBe("cmd");
    expect(browserOpener("linux", { DISPLAY: ":0", PATH: bin })).toEqual({ command: "xdg-open", args: [] });
    expect(browserOpener("linux", { WAYLAND_DISPLAY: "wayland-0", PATH: bin })?.command).toBe("xdg-open");
    expect(browserOpener("linux", { PATH: bin })).toBeUndefined();
    expect(browserOpener("linux", { DISPLAY: ":0", PATH: "/nonexistent" })).toBeUndefined();
  });
});
