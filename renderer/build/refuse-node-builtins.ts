/** A Vite plugin that fails the renderer's build when anything in it (its code or a dependency) imports a Node built-in. */
import { builtinModules } from "node:module";
import type { Plugin } from "vite";

const builtins = new Set(builtinModules);

/** Whether an import specifier names a Node built-in (`fs`, `node:path`, `fs/promises`, …). */
export function isNodeBuiltin(specifier: string): boolean {
  if (specifier.startsWith("node:")) return true;
  return builtins.has(specifier) || builtins.has(specifier.split("/")[0]!);
}

/**
 * Vite would otherwise replace such an import with an empty browser stub and only warn: the
 * renderer runs with no Node access, so a built-in there is a layering bug, not a fallback.
 */
export function refuseNodeBuiltins(): Plugin {
  return {
    name: "forklift:refuse-node-builtins",
    enforce: "pre",
    resolveId(specifier, importer) {
      if (!isNodeBuiltin(specifier)) return undefined;
      this.error(`the renderer imports the Node built-in "${specifier}"${importer ? ` (in ${importer})` : ""}: the studio's page has no Node access; move that code to core/ or electron/ and reach it through the engine's API`);
    },
  };
}
