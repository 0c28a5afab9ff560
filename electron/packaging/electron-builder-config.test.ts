/**
 * electron-builder.yml, checked without packaging (electron-builder downloads Electron and its
 * tools from GitHub, which this machine cannot reach): electron-builder's own schema validation,
 * then what the studio needs from it: every target, the engine's runtime files as resources,
 * native modules rebuilt for Electron and unpacked, the fuses, and entry points that match what
 * build:electron writes.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Configuration } from "app-builder-lib";
import { validateConfiguration } from "app-builder-lib/out/util/config/config.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { electronBuildOptions, repositoryRoot } from "../scripts/build-electron.ts";

const config = parse(readFileSync(path.join(repositoryRoot, "electron-builder.yml"), "utf8")) as Configuration;
const packageJson = JSON.parse(readFileSync(path.join(repositoryRoot, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
};
const quiet = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1];

describe("electron-builder.yml", () => {
  it("passes electron-builder's own validation, which refuses an unknown option", async () => {
    await expect(validateConfiguration(structuredClone(config), quiet)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), linux: { ...config.linux, noSuchOption: true } } as Configuration, quiet)).rejects.toThrow(
      "does not match the API schema",
    );
  });

  it("names the app and builds every target: Linux AppImage and deb, macOS dmg, Windows nsis", () => {
    expect(config.appId).toBe("dev.forklift.studio");
    expect(config.productName).toBe("Forklift");
    expect(config.linux?.target).toEqual(["AppImage", "deb"]);
    expect(config.mac?.target).toEqual(["dmg"]);
    expect(config.win?.target).toEqual(["nsis"]);
    expect(config.publish).toBeNull();
  });

  it("starts the bundled main process that build:electron writes, and ships all three bundles and the renderer", () => {
    const written = electronBuildOptions("dist/electron").map((options) => `dist/electron/${Object.keys(options.entryPoints as Record<string, string>)[0]}.cjs`);
    expect(config.extraMetadata?.main).toBe("dist/electron/main.cjs");
    expect(written).toContain(config.extraMetadata?.main);
    expect(config.files).toEqual(expect.arrayContaining([...written, "dist/renderer/**/*", "package.json"]));
  });

  it("puts the engine's runtime files (containers/ and the demo in examples/) in the resources folder", () => {
    const resources = (config.extraResources ?? []) as { from: string; to: string }[];
    expect(resources.map(({ from, to }) => [from, to])).toEqual([
      ["containers", "containers"],
      ["examples", "examples"],
    ]);
    for (const { from } of resources) expect(existsSync(path.join(repositoryRoot, from))).toBe(true);
    // what core looks for, resolved as the engine bundle does under FORKLIFT_RESOURCES_ROOT=<resources>
    const resourcesRoot = path.join(path.sep, "opt", "Forklift", "resources");
    const sourceUrl = (file: string) => pathToFileURL(path.join(resourcesRoot, file)).href;
    const agent = new URL("../../containers/agents/typecheck-agent.mjs", sourceUrl("core/fastcheck/typecheck-agent-path.ts"));
    const demo = new URL("../../../../examples/", sourceUrl("core/hosts/cli/commands/demo.ts"));
    expect(agent.pathname).toBe(pathToFileURL(path.join(resourcesRoot, "containers", "agents", "typecheck-agent.mjs")).pathname);
    expect(demo.pathname).toBe(`${pathToFileURL(path.join(resourcesRoot, "examples")).pathname}/`);
    expect(existsSync(path.join(repositoryRoot, "containers", "agents", "typecheck-agent.mjs"))).toBe(true);
    expect(existsSync(path.join(repositoryRoot, "examples", "specs", "console-to-logger.yml"))).toBe(true);
  });

  it("rebuilds the native modules for Electron and keeps them out of the asar archive", () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(["**/*.node", "**/node_modules/better-sqlite3/**", "**/node_modules/@ast-grep/napi*/**"]));
    // electron-builder ships and rebuilds production dependencies only: the native ones must be there
    expect(Object.keys(packageJson.dependencies)).toEqual(expect.arrayContaining(["better-sqlite3", "@ast-grep/napi"]));
    expect(Object.keys(packageJson.devDependencies)).toEqual(expect.arrayContaining(["electron", "electron-builder"]));
  });

  it("turns off the fuses a packaged app does not need (security checklist item 19)", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it("is what npm run dist:electron packages with", () => {
    expect(packageJson.scripts["dist:electron"]).toBe("tsx electron/scripts/dist-electron.ts");
    expect(readFileSync(path.join(repositoryRoot, "electron", "scripts", "dist-electron.ts"), "utf8")).toContain("electron-builder.yml");
  });
});
