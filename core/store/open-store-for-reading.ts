import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ForkliftError } from "../../shared/errors.ts";
import { openStore } from "./open-store.ts";
import type { Store } from "./open-store.ts";

/**
 * Opens a store only to read it, even where it cannot be written: a read-only connection, or,
 * when SQLite cannot even read it in place (a WAL store in a folder it may not write its shared
 * memory file into) or an older schema it may not upgrade in place, a private copy of the file
 * taken now (upgraded if need be), removed on close. Looking at results never needs write access.
 */
export function openStoreForReading(file: string): Store {
  try {
    return openStore(file, { readonly: true });
  } catch (error) {
    // a store this version must upgrade (open-store.ts says so) is upgraded in the copy
    const copyHelps = error instanceof ForkliftError && (error.code === "store-readonly" || (error.code === "store-corrupt" && /needs upgrading/.test(error.message)));
    if (!copyHelps) throw error;
  }
  const dir = mkdtempSync(path.join(tmpdir(), "forklift-store-copy-"));
  const copy = path.join(dir, path.basename(file));
  try {
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`); // commits not yet in the main file
    const store = openStore(copy);
    return {
      ...store,
      path: file,
      close() {
        store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
