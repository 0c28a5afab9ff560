/**
 * `npm run build:electron`: bundles the main process, the preload and the engine process with
 * esbuild into dist/electron/ (CommonJS; a sandboxed preload cannot load ES modules). Packages
 * stay external (node_modules ships beside the bundles; the native ones must be loaded from
 * there), except in the preload, which has no node_modules and bundles everything it uses.
 *
 * core/ finds its runtime files (the in-sandbox agents under containers/, the demo under
 * examples/) relative to `import.meta.url`, which a CommonJS bundle does not have: each
 * `import.meta.url` is rewritten to the source file's own path under the resources root
 * (`FORKLIFT_RESOURCES_ROOT`: the repository in development, the app's resources folder once
 * packaged, where electron-builder puts containers/ and examples/).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { BuildOptions, Plugin } from "esbuild";

/** The repository root (this file is electron/scripts/build-electron.ts). */
export const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));

/** Defines the helpers the rewritten `import.meta` expressions call. */
const resourcesBanner = [
  "var __forkliftRoot = () => process.env.FORKLIFT_RESOURCES_ROOT || require(\"node:path\").resolve(__dirname, \"../..\");",
  "var __forkliftSourceUrl = (file) => require(\"node:url\").pathToFileURL(require(\"node:path\").join(__forkliftRoot(), file)).href;",
  "var __forkliftSourceDir = (file) => require(\"node:path\").dirname(require(\"node:path\").join(__forkliftRoot(), file));",
].join("\n");

/** Rewrites `import.meta.url` / `import.meta.dirname` in project sources (see the file comment). */
export const importMetaPlugin: Plugin = {
  name: "forklift-import-meta",
  setup(builder) {
    builder.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, "utf8");
      if (!source.includes("import.meta")) return undefined;
      const file = JSON.stringify(path.relative(repositoryRoot, args.path).split(path.sep).join("/"));
      const contents = source.replaceAll("import.meta.url", `__forkliftSourceUrl(${file})`).replaceAll("import.meta.dirname", `__forkliftSourceDir(${file})`);
      return { contents, loader: args.path.endsWith(".tsx") ? "tsx" : "ts" };
    });
  },
};

/** The three bundles, written to `outDir`. */
export function electronBuildOptions(outDir: string): BuildOptions[] {
  const common: BuildOptions = { bundle: true, format: "cjs", sourcemap: "linked", logLevel: "warning", absWorkingDir: repositoryRoot, legalComments: "none" };
  return [
    { ...common, entryPoints: { main: "electron/main/main.ts" }, outdir: outDir, outExtension: { ".js": ".cjs" }, platform: "node", target: "node20", packages: "external", banner: { js: resourcesBanner }, plugins: [importMetaPlugin] },
    { ...common, entryPoints: { "engine-host": "electron/engine-host/engine-host.ts" }, outdir: outDir, outExtension: { ".js": ".cjs" }, platform: "node", target: "node20", packages: "external", banner: { js: resourcesBanner }, plugins: [importMetaPlugin] },
    // the sandboxed preload may require only "electron": everything else is bundled
    { ...common, entryPoints: { preload: "electron/preload/preload.ts" }, outdir: outDir, outExtension: { ".js": ".cjs" }, platform: "browser", target: "chrome130", external: ["electron"] },
  ];
}

/** Builds the bundles into `outDir` (default dist/electron). */
export async function buildElectron(outDir = path.join(repositoryRoot, "dist", "electron")): Promise<void> {
  await Promise.all(electronBuildOptions(outDir).map((options) => build(options)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildElectron().then(
    () => console.log("forklift: built dist/electron (main.cjs, preload.cjs, engine-host.cjs)"),
    (error: unknown) => {
      console.error(`forklift: build:electron failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
