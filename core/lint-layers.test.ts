import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

/** The `forklift/layers` messages ESLint gives for `code` as if it were the file at `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId === "forklift/layers").map((message) => message.message);
}

describe("the folder boundaries of DESIGN.md, enforced by lint", () => {
  it("keeps shared/ free of Node, of other layers and of packages other than zod", async () => {
    const errors = await layerErrors(
      "shared/example.ts",
      'import fs from "node:fs";\nimport { z } from "zod";\nimport { exitCodes } from "../core/hosts/cli/exit-codes.ts";\nexport const x = [fs, z, exitCodes];\n',
    );
    expect(errors).toEqual(["shared/ may not import 'node:fs' (DESIGN.md, layers).", "shared/ may not import 'core/hosts/cli/exit-codes.ts' (DESIGN.md, layers)."]);
  });

  it("lets only core/sandbox import dockerode and only core/generators import openai", async () => {
    expect(await layerErrors("core/sandbox/example.ts", 'import Docker from "dockerode";\nexport const x = Docker;\n')).toEqual([]);
    expect(await layerErrors("core/search/example.ts", 'import Docker from "dockerode";\nexport const x = Docker;\n')).toEqual([
      "core/ may not import 'dockerode (only core/sandbox/ may)' (DESIGN.md, layers).",
    ]);
    expect(await layerErrors("core/engine/example.ts", 'import OpenAI from "openai";\nexport const x = OpenAI;\n')).toHaveLength(1);
  });

  it("keeps the renderer away from Node, electron and core", async () => {
    const errors = await layerErrors(
      "renderer/example.ts",
      'import { ipcRenderer } from "electron";\nimport path from "node:path";\nimport { createEngine } from "../core/engine/index.ts";\nexport const x = [ipcRenderer, path, createEngine];\n',
    );
    expect(errors).toHaveLength(3);
  });

  it("lets build tooling beside the renderer use Node (vite.config.ts runs at build time), and nothing else of the renderer", async () => {
    const code = 'import { fileURLToPath } from "node:url";\nexport const x = fileURLToPath;\n';
    expect(await layerErrors("renderer/vite.config.ts", code)).toEqual([]);
    expect(await layerErrors("renderer/build/some-plugin.ts", code)).toEqual([]);
    expect(await layerErrors("renderer/src/config.ts", code)).toHaveLength(1);
  });
});
