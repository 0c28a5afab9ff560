import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { ForkliftError } from "../../../../shared/errors.ts";
import { openStore, openStoreForReading } from "../../../store/index.ts";
import type { Store } from "../../../store/index.ts";

/** Where the store is: --store, else FORKLIFT_STORE, else .forklift/forklift.db under the current directory. */
export function storePath(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(option || env.FORKLIFT_STORE || path.join(".forklift", "forklift.db"));
}

let lastOpened: string | undefined;

/** The store this command opened last (for an error found while reading it), if any. */
export function openedStorePath(): string | undefined {
  return lastOpened;
}

/**
 * Opens the store the options name. `write` (run, resume, gc) creates it when needed; `read`
 * (tree, show, export, apply) never creates one (a missing store is "not-found") and falls back to
 * a read-only connection when the store cannot be written (a read-only file, folder or disk), so
 * looking at results never needs write access.
 */
export function openCliStore(option: string | undefined, access: "write" | "read" = "write"): Store {
  const file = storePath(option);
  lastOpened = file;
  if (access === "write") {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
    } catch (error) {
      throw new ForkliftError("store-readonly", `cannot create the folder of the store ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}): choose another store with --store`);
    }
    return openStore(file);
  }
  const found = statSync(file, { throwIfNoEntry: false });
  if (found === undefined) {
    throw new ForkliftError("not-found", `there is no store at ${file}: run \`forklift run\` in this folder first, or name the store with --store or FORKLIFT_STORE`);
  }
  if (found.isDirectory()) throw new ForkliftError("invalid-input", `the store ${file} is a folder: name the store's file with --store`);
  try {
    return openStore(file);
  } catch (error) {
    if (error instanceof ForkliftError && error.code === "store-readonly") return openStoreForReading(file);
    throw error;
  }
}

/** Whether the store the options name exists (a command that only reads need not create it). */
export function cliStoreExists(option: string | undefined): boolean {
  return statSync(storePath(option), { throwIfNoEntry: false }) !== undefined;
}

/** Adds the --store option to a command. */
export function withStoreOption(command: Command): Command {
  return command.option("--store <file>", "the session store (default: $FORKLIFT_STORE or .forklift/forklift.db)");
}
