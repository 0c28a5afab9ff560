// Lint for the whole repository. The `forklift/layers` rule enforces the folder table of DESIGN.md:
// which top-level folders and which packages each layer may import. A violation fails `npm test`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";
import { builtinModules } from "node:module";
import path from "node:path";

const root = path.dirname(new URL(import.meta.url).pathname);
const nodeBuiltins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const uiPackages = ["react", "react-dom", "zustand", "monaco-editor", "@monaco-editor/react", "@xyflow/react"];

/** What each layer may import: project folders, and packages ("*" = any, "node" = Node built-ins). */
const layers = {
  shared: { folders: ["shared"], packages: ["zod"], node: false },
  core: { folders: ["shared", "core"], packages: ["*"], forbidden: ["electron", ...uiPackages], node: true },
  electron: { folders: ["shared", "core", "electron"], packages: ["*"], forbidden: uiPackages, node: true },
  renderer: { folders: ["shared", "renderer"], packages: ["*"], forbidden: ["electron"], node: false },
  e2e: { folders: ["shared", "e2e"], packages: ["*"], node: true },
  containers: { folders: ["containers"], packages: ["*"], node: true },
  examples: { folders: ["examples"], packages: ["*"], node: true },
};

/** Packages that exactly one folder may import: everything else goes through that folder's API. */
const owners = { dockerode: "core/sandbox", openai: "core/generators" };

const packageName = (spec) => (spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]);

const layersRule = {
  meta: { type: "problem", schema: [], messages: { bad: "{{layer}}/ may not import '{{what}}' (DESIGN.md, layers)." } },
  create(context) {
    const file = path.relative(root, context.filename);
    const layer = file.split(path.sep)[0];
    const allowed = layers[layer];
    if (!allowed) return {};
    const isTest = /\.test\.tsx?$/.test(file);
    // build tooling (vite.config.ts, a layer's build/ folder) runs in Node at build time, not in the layer's runtime
    const isTooling = /\.config\.[cm]?[jt]s$/.test(file) || file.split(path.sep)[1] === "build";
    const check = (node, spec) => {
      if (typeof spec !== "string") return;
      const report = (what) => context.report({ node, messageId: "bad", data: { layer, what } });
      if (spec.startsWith(".")) {
        const target = path.relative(root, path.resolve(path.dirname(context.filename), spec));
        if (!allowed.folders.includes(target.split(path.sep)[0])) report(target);
        return;
      }
      const name = packageName(spec);
      if (nodeBuiltins.has(spec) || nodeBuiltins.has(name)) {
        if (!allowed.node && !isTest && !isTooling) report(spec);
        return;
      }
      const owner = owners[name];
      if (owner && !file.startsWith(owner + path.sep)) return report(`${name} (only ${owner}/ may)`);
      if (allowed.forbidden?.includes(name)) return report(name);
      if (!allowed.packages.includes("*") && !allowed.packages.includes(name) && !(isTest && name === "vitest")) report(name);
    };
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node, node.source.value),
    };
  },
};

export default tseslint.config(
  // examples/orders-service is a user's repository as found (its own style and tools, TypeScript 4.9): not our code
  { ignores: ["node_modules/", "dist/", "out/", "**/*.d.ts", "examples/**/node_modules/", "examples/orders-service/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { forklift: { rules: { layers: layersRule } } },
    rules: {
      "forklift/layers": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  { files: ["renderer/**"], languageOptions: { globals: { ...globals.browser } } },
);
