/** `forklift export NODE -o FILE`: a git-apply-able patch of a node against its root commit, with provenance. */
import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { ForkliftError } from "../../../../shared/errors.ts";
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
      .option("-o, --output <file>", "where to write the patch; - or nothing: standard output"),
  ).action(async (id: string, options: { store?: string; output?: string }) => {
    await withEngine(
      options,
      async (engine, store) => {
        const node = resolveNode(store, id);
        const { patch } = await engine.api["node/export"]({ nodeId: node.id });
        if (options.output === undefined || options.output === "-") {
          process.stdout.write(patch);
          return;
        }
        await writePatch(options.output, patch);
        const files = (patch.match(/^diff --git /gm) ?? []).length;
        process.stdout.write(`wrote ${options.output}: ${files} file(s) changed; apply with \`git apply ${options.output}\`\n`);
      },
      "read",
    );
  });
}

/** Writes the patch file, saying in one line what is wrong with a path that cannot take it. */
export async function writePatch(file: string, patch: string): Promise<void> {
  const absolute = path.resolve(file);
  const folder = await stat(path.dirname(absolute)).catch(() => undefined);
  if (!folder) throw new ForkliftError("invalid-input", `cannot write ${file}: the folder ${path.dirname(absolute)} does not exist; create it, or choose another -o (or - for standard output)`);
  if (!folder.isDirectory()) throw new ForkliftError("invalid-input", `cannot write ${file}: ${path.dirname(absolute)} is not a folder; choose another -o`);
  if ((await stat(absolute).catch(() => undefined))?.isDirectory()) throw new ForkliftError("invalid-input", `cannot write ${file}: it is a folder; name a file, e.g. -o ${path.join(file, "migration.patch")}`);
  try {
    await writeFile(absolute, patch);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "EROFS" ? "the file system is read-only" : code === "ENOSPC" ? "the disk is full" : (code ?? String(error));
    throw new ForkliftError("invalid-input", `cannot write ${file}: ${why}; choose another -o (or - for standard output)`, { cause: error });
  }
}
