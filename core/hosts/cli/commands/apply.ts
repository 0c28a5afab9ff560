/** `forklift apply NODE`: commits a node's changes on a new branch of the repository, leaving the checkout alone. */
import type { Command } from "commander";
import { withEngine } from "../session/cli-engine.ts";
import { resolveNode } from "../session/resolve-ids.ts";
import { withStoreOption } from "../session/store-option.ts";

/** Adds `forklift apply` to the program. */
export function registerApplyCommand(program: Command): void {
  withStoreOption(
    program
      .command("apply")
      .description("commit a node's changes on a new branch (default forklift/<session>) based on the session's root commit; your branch, index and files are not touched")
      .argument("<node>", "node id (or a unique prefix)")
      .option("-b, --branch <name>", "the branch to create"),
  ).action(async (id: string, options: { store?: string; branch?: string }) => {
    await withEngine(options, async (engine, store) => {
      const node = resolveNode(store, id);
      const result = await engine.api["node/apply"]({ nodeId: node.id, ...(options.branch !== undefined && { branch: options.branch }) });
      process.stdout.write(`created branch ${result.branch} at ${result.commit.slice(0, 10)}; your working tree is unchanged (git switch ${result.branch} to see it)\n`);
    }, "read");
  });
}
