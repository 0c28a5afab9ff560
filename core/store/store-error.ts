import { ForkliftError } from "../../shared/errors.ts";

/**
 * What an SQLite failure of the store means to the user, as a ForkliftError with what to do, or
 * undefined when the error is not SQLite's. A store the user cannot write, one whose pages are
 * damaged, or a full disk is their environment, never a bug of Forklift.
 */
export function storeErrorFrom(error: unknown, path: string): ForkliftError | undefined {
  if (error instanceof ForkliftError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return undefined;
  const detail = error instanceof Error ? error.message : String(error);
  if (code.startsWith("SQLITE_READONLY")) {
    return new ForkliftError("store-readonly", `the store ${path} is read-only (${detail}): make it and its folder writable, or choose another store with --store`, { cause: error });
  }
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") {
    return new ForkliftError("store-corrupt", `the store ${path} is damaged (${detail}): restore a backup of it, or choose another store with --store`, { cause: error });
  }
  if (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR")) {
    return new ForkliftError("store-io", `the store ${path} could not be written or read (${detail}): free disk space or check the disk, then run the command again`, { cause: error });
  }
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new ForkliftError("store-io", `the store ${path} stayed locked by another process (${detail}): wait for it, then run the command again`, { cause: error });
  }
  if (code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_PERM") || code.startsWith("SQLITE_AUTH")) {
    return new ForkliftError("store-readonly", `cannot open the store ${path} (${detail}): check that it and its folder exist and are readable and writable, or choose another store with --store`, { cause: error });
  }
  return undefined;
}
