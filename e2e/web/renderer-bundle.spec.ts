/**
 * The renderer's bundle holds no Node built-in. Its build refuses one anywhere in the renderer or
 * its dependencies (Vite would otherwise swap in an empty stub and only warn), and the bundle this
 * e2e's global setup built (dist/renderer) has no import or require of one left in its scripts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { build, loadConfigFromFile } from "vite";
import type { PluginOption } from "vite";
import { repositoryRoot } from "./studio-process.ts";

const bundleFolder = path.join(repositoryRoot, "dist", "renderer");
const escaped = builtinModules.filter((name) => !name.startsWith("_")).map((name) => name.replace(/[/.]/g, (char) => `\\${char}`));
/** `from "fs"`, `import("node:path")`, `require("child_process/…")` and the like. */
const builtinImport = new RegExp(String.raw`(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["'](?:node:)?(?:${escaped.join("|")})(?:/[^"']*)?["']`, "g");

/** The Node built-in imports and requires in a script's text. */
function builtinImportsIn(text: string): string[] {
  return [...text.matchAll(builtinImport)].map((match) => match[0]);
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
}

/** The plugins of the renderer's own build (renderer/vite.config.ts). */
async function rendererPlugins(): Promise<PluginOption[]> {
  const loaded = await loadConfigFromFile({ command: "build", mode: "production" }, path.join(repositoryRoot, "renderer", "vite.config.ts"), undefined, "silent");
  return loaded?.config.plugins ?? [];
}

/** Builds a one-module page with the renderer's plugins; resolves to the build's error message, or "built". */
async function buildPage(source: string): Promise<string> {
  const folder = mkdtempSync(path.join(tmpdir(), "forklift-bundle-"));
  try {
    writeFileSync(path.join(folder, "index.html"), '<!doctype html><script type="module" src="./main.js"></script>');
    writeFileSync(path.join(folder, "main.js"), source);
    await build({ configFile: false, root: folder, logLevel: "silent", plugins: await rendererPlugins(), build: { write: false } });
    return "built";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test("the renderer's own build refuses a Node built-in, however it is named", async () => {
  expect(await buildPage('document.title = "fine";')).toBe("built");
  for (const specifier of ["node:fs", "path", "fs/promises", "child_process"])
    expect(await buildPage(`import * as m from "${specifier}"; console.log(m);`)).toContain(`the renderer imports the Node built-in "${specifier}"`);
});

test("the built renderer's scripts import or require no Node built-in", () => {
  expect(builtinImportsIn('import{readFileSync as o}from"node:fs";const c=require("child_process"),u=await import("url")')).toHaveLength(3);
  const scripts = filesUnder(bundleFolder).filter((file) => /\.[cm]?js$/.test(file));
  expect(scripts.length).toBeGreaterThan(0);
  const found = scripts.flatMap((file) => builtinImportsIn(readFileSync(file, "utf8")).map((found) => `${path.relative(bundleFolder, file)}: ${found}`));
  expect(found).toEqual([]);
});
