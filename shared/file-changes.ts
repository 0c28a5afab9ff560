/**
 * The files a hypothesis changes, relative to its parent state: path (POSIX, relative to the
 * repository root) → new content, or `null` when the file is deleted. `null` rather than
 * `undefined` because this crosses JSON boundaries (IPC, WebSocket, the store).
 */
export type FileChanges = Record<string, string | null>;

/** A whole set of files (path → content), e.g. the files a check or an edit needs to see. */
export type FileTree = Record<string, string>;
