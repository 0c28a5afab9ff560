import Database from "better-sqlite3";
import type { Statement } from "better-sqlite3";
import { ForkliftError } from "../../shared/errors.ts";
import { migrations } from "./migrations.ts";
import { storeErrorFrom } from "./store-error.ts";

/** Marks an SQLite file as a Forklift store (PRAGMA application_id, "FKLT"). */
export const storeApplicationId = 0x464b4c54;

/** An open store: one SQLite connection and its cached statements. Use the functions of core/store on it. */
export interface Store {
  readonly path: string;
  readonly readonly: boolean;
  /** The connection, for core/store's own functions. */
  readonly db: Database.Database;
  /** A prepared statement for this SQL, prepared once per connection. */
  statement(sql: string): Statement<unknown[], unknown>;
  /** Runs `fn` as one write transaction (BEGIN IMMEDIATE: takes the write lock up front, so it cannot deadlock on upgrade). */
  write<T>(fn: () => T): T;
  /** Runs `fn` on one consistent snapshot (a deferred read transaction). */
  read<T>(fn: () => T): T;
  close(): void;
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** Open for reading only (another process may be writing): no migrations, no writes. */
  readonly?: boolean;
  /** How long to wait for another process's write lock before failing, in ms (default 5000). */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) a store at `path` and brings its schema up to date. Refuses a file
 * that is not a Forklift store ("store-corrupt") or one written by a newer Forklift
 * ("store-too-new"). WAL journal, so readers in other processes never block the writer.
 */
export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const readonly = options.readonly ?? false;
  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly, timeout: options.busyTimeoutMs ?? 5000 });
  } catch (error) {
    throw storeOpenError(path, error);
  }
  try {
    prepareConnection(db, path, readonly);
  } catch (error) {
    db.close();
    throw error instanceof ForkliftError ? error : storeOpenError(path, error);
  }
  const statements = new Map<string, Statement<unknown[], unknown>>();
  return {
    path,
    readonly,
    db,
    statement(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = db.prepare<unknown[], unknown>(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    write: (fn) => db.transaction(fn).immediate(),
    read: (fn) => db.transaction(fn).deferred(),
    close: () => db.close(),
  };
}

function prepareConnection(db: Database.Database, path: string, readonly: boolean): void {
  if (!readonly) {
    db.pragma("journal_mode = WAL");
    // FULL, not NORMAL: in WAL mode NORMAL survives a crash of the process but may lose the last
    // commits on power loss or an OS crash. A commit here records money spent on the model and
    // the user's pins and prunes; losing them repeats paid calls and silently undoes decisions.
    // Commits are few (one per node state change, each costing seconds of checking), so the
    // fsync each one costs is noise.
    db.pragma("synchronous = FULL");
  }
  db.pragma("foreign_keys = ON");
  const version = Number(db.pragma("user_version", { simple: true }));
  const applicationId = Number(db.pragma("application_id", { simple: true }));
  const hasTables = Number(db.prepare("SELECT count(*) FROM sqlite_schema").pluck().get()) > 0;
  if (applicationId !== storeApplicationId && (hasTables || applicationId !== 0)) {
    throw new ForkliftError("store-corrupt", `${path} is an SQLite database but not a Forklift store; choose another file`);
  }
  if (version > migrations.length) {
    throw new ForkliftError(
      "store-too-new",
      `${path} was written by a newer Forklift (store schema ${version}; this version knows up to ${migrations.length}): update Forklift to open it`,
    );
  }
  if (readonly) {
    if (version < migrations.length) {
      throw new ForkliftError("store-corrupt", `${path} has store schema ${version} and needs upgrading: open it once for writing first`);
    }
    return;
  }
  migrate(db);
}

/** Applies the missing migrations, each in its own transaction with its version bump, so a crash mid-way leaves a consistent, older schema. */
function migrate(db: Database.Database): void {
  for (;;) {
    const applied = db
      .transaction(() => {
        // re-read inside the write lock: another process may have migrated meanwhile
        const version = Number(db.pragma("user_version", { simple: true }));
        const next = migrations[version];
        if (next === undefined) return false;
        db.exec(next);
        db.pragma(`application_id = ${storeApplicationId}`);
        db.pragma(`user_version = ${version + 1}`);
        return true;
      })
      .immediate();
    if (!applied) return;
  }
}

function storeOpenError(path: string, error: unknown): ForkliftError {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new ForkliftError("store-corrupt", `${path} is not a readable Forklift store (${message}); restore a backup or choose another file`, { cause: error });
  }
  if (code === "SQLITE_CANTOPEN") {
    return new ForkliftError("not-found", `cannot open the store ${path}: ${message}`, { cause: error });
  }
  return storeErrorFrom(error, path) ?? new ForkliftError("internal", `cannot open the store ${path}: ${message}`, { cause: error });
}
