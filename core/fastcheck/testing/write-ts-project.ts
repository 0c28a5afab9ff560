/**
 * Writes a generated TypeScript project to disk: its modules, a strict tsconfig, a package.json
 * and (by default) a copy of the host's own `typescript` package in node_modules, so the project
 * type-checks offline, inside a sandbox too. No .gitignore: a sandbox copy carries node_modules.
 */
import { cp, mkdir, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { FileTree } from "../../../shared/file-changes.ts";
import type { TsProjectPlan } from "./plan-ts-project.ts";
import { renderTsModule } from "./render-ts-module.ts";

/** How the project gets its `typescript` package. */
export type TypescriptInstall = "copy" | "symlink" | "none";

const require = createRequire(import.meta.url);

/** The directory of the host's own `typescript` package (the one Forklift runs with). */
export const hostTypescriptDir = path.dirname(require.resolve("typescript/package.json"));

/** The host's TypeScript version. */
export const hostTypescriptVersion: string = (require("typescript/package.json") as { version: string }).version;

/** The tsconfig every generated project uses. */
export const generatedTsconfig = {
  compilerOptions: {
    strict: true,
    target: "ES2022",
    lib: ["ES2022"],
    module: "ESNext",
    moduleResolution: "Bundler",
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ["src"],
};

/** Every text file of the project (no node_modules). */
export function renderTsProject(plan: TsProjectPlan): FileTree {
  const files: FileTree = {
    "package.json": JSON.stringify({ name: "generated-ts-project", private: true, type: "module", devDependencies: { typescript: hostTypescriptVersion } }, null, 2) + "\n",
    "tsconfig.json": JSON.stringify(generatedTsconfig, null, 2) + "\n",
  };
  for (const module of plan.modules) files[module.path] = renderTsModule(plan, module.index);
  return files;
}

/** Writes `files` under `dir`, creating folders. */
export async function writeFileTree(dir: string, files: FileTree): Promise<void> {
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
}

/** Writes the project to `dir` and installs `typescript` as asked (default: a real copy). */
export async function writeTsProject(dir: string, plan: TsProjectPlan, options: { readonly typescript?: TypescriptInstall } = {}): Promise<void> {
  await writeFileTree(dir, renderTsProject(plan));
  const install = options.typescript ?? "copy";
  if (install === "none") return;
  const target = path.join(dir, "node_modules", "typescript");
  await mkdir(path.dirname(target), { recursive: true });
  if (install === "symlink") await symlink(hostTypescriptDir, target, "dir");
  else await cp(hostTypescriptDir, target, { recursive: true });
}
