import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { openStore } from "../../../store/index.ts";
import type { Store } from "../../../store/index.ts";

/** Where the store is: --store, else FORKLIFT_STORE, else .forklift/forklift.db under the current directory. */
export function storePath(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(option ?? env.FORKLIFT_STORE ?? path.join(".forklift", "forklift.db"));
}

/** Opens (creating when needed) the store the options name. */
export function openCliStore(option: string | undefined): Store {
  const file = storePath(option);
  mkdirSync(path.dirname(file), { recursive: true });
  return openStore(file);
}

/** Adds the --store option to a command. */
export function withStoreOption(command: Command): Command {
  return command.option("--store <file>", "the session store (default: $FORKLIFT_STORE or .forklift/forklift.db)");
}
