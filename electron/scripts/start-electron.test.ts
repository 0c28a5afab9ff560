import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { electronBinary, electronWindow } from "./start-electron.ts";

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe("electronBinary", () => {
  it("says why when npm could not fetch the binary (only the package is there)", () => {
    root = mkdtempSync(path.join(tmpdir(), "forklift-electron-binary-"));
    mkdirSync(path.join(root, "node_modules", "electron"), { recursive: true });
    expect(electronBinary(root)).toEqual({ ok: false, reason: expect.stringContaining("node_modules/electron/dist is missing") });
  });

  it("finds the executable that path.txt names", () => {
    root = mkdtempSync(path.join(tmpdir(), "forklift-electron-binary-"));
    const dist = path.join(root, "node_modules", "electron", "dist");
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(root, "node_modules", "electron", "path.txt"), "electron");
    expect(electronBinary(root)).toEqual({ ok: false, reason: expect.stringContaining("missing at") });
    writeFileSync(path.join(dist, "electron"), "");
    expect(electronBinary(root)).toEqual({ ok: true, path: path.join(dist, "electron") });
  });
});

describe("electronWindow (npm start's desktop branch)", () => {
  it("is unavailable where the binary is missing, after one line saying why and what happens instead", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      const result = await electronWindow([], { ok: false, reason: "Electron's binary is not installed (why)" })();
      expect(result).toBe("unavailable");
      expect(write.mock.calls.map(([chunk]) => String(chunk))).toEqual(["start: no desktop window: Electron's binary is not installed (why); opening the studio in the browser instead\n"]);
    } finally {
      write.mockRestore();
    }
  });
});
