import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildElectron, repositoryRoot } from "./build-electron.ts";

let out: string;
const bundle = (name: string) => readFileSync(path.join(out, name), "utf8");
const requires = (source: string) => [...new Set([...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? ""))].sort();

beforeAll(async () => {
  mkdirSync(path.join(repositoryRoot, "dist"), { recursive: true });
  out = mkdtempSync(path.join(repositoryRoot, "dist", "electron-build-test-"));
  await buildElectron(out);
}, 60_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("build:electron", () => {
  it("bundles the preload into one small CommonJS file that requires only electron", () => {
    const preload = bundle("preload.cjs");
    expect(requires(preload)).toEqual(["electron"]);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(preload).toContain("exposeInMainWorld");
    expect(preload).not.toMatch(/\bzod\b/);
    expect(Buffer.byteLength(preload)).toBeLessThan(8 * 1024);
  });

  it("keeps native modules and every package external in the engine bundle, with no import.meta left", () => {
    const engine = bundle("engine-host.cjs");
    const external = requires(engine).filter((name) => !name.startsWith("node:"));
    expect(external).toEqual(expect.arrayContaining(["better-sqlite3", "@ast-grep/napi"]));
    expect(external.every((name) => !name.startsWith(".") && !name.startsWith("/"))).toBe(true);
    expect(engine).not.toContain("import.meta");
    // core's runtime files are found under the resources root, from the source file's own place
    expect(engine).toContain('__forkliftSourceUrl("core/fastcheck/typecheck-agent-path.ts")');
  });

  it("keeps electron external in the main bundle and bundles the project's own code", () => {
    const main = bundle("main.cjs");
    expect(requires(main)).toContain("electron");
    expect(requires(main).filter((name) => name.startsWith("."))).toEqual([]);
    expect(main).toContain("forklift-app");
    // the main process runs on Electron's ABI: it must never load the engine's native modules
    for (const native of ["better-sqlite3", "@ast-grep/napi", "dockerode", "openai"]) expect(requires(main)).not.toContain(native);
    expect(main).not.toContain("import.meta");
  });
});
