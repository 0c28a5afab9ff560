/** `forklift export NODE -o FILE`: a git-apply-able patch of a node against its root commit, with provenance. */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { withEngine } from "../session/cli-engine.ts";
import { resolveNode } from "../session/resolve-ids.ts";
import { withStoreOption } from "../session/store-option.ts";

/** Adds `forklift export` to the program. */
export function registerExportCommand(program: Command): void {
  withStoreOption(
    program
      .command("export")
      .description("write a node's changes against the session's root commit as a patch `git apply` takes (provenance in the header)")
      .argument("<node>", "node id (or a unique prefix)")
      .option("-o, --output <file>", "where to write the patch (default: standard output)"),
  ).action(async (id: string, options: { store?: string; output?: string }) => {
    await withEngine(options, async (engine, store) => {
      const node = resolveNode(store, id);
      const { patch } = await engine.api["node/export"]({ nodeId: node.id });
      if (options.output === undefined) {
        process.stdout.write(patch);
        return;
      }
      await writeFile(options.output, patch);
      const files = (patch.match(/^diff --git /gm) ?? []).length;
      process.stdout.write(`wrote ${options.output}: ${files} file(s) changed; apply with \`git apply ${options.output}\`\n`);
    });
  });
}
