/**
 * A file as git records it: its bytes and its mode. A symlink is a file of mode 120000 whose
 * bytes are the link's target, exactly as git stores one; it is never followed.
 */
export interface GitFile {
  readonly mode: GitFileMode;
  readonly content: Uint8Array;
}

/** The file modes git records: a regular file, an executable one, a symlink. */
export type GitFileMode = "100644" | "100755" | "120000";

/** Changes as git files: path → the new file, or null when it is deleted. */
export type GitFileChanges = Record<string, GitFile | null>;

/** A path's content as a patch takes it: text (a regular file) or a git file (bytes and mode). */
export type PatchContent = string | GitFile;

/** A whole set of files as a patch takes them. */
export type PatchTree = Record<string, PatchContent>;

/** The git file for a content given either way (text is a regular file, stored as UTF-8). */
export function toGitFile(content: PatchContent): GitFile {
  return typeof content === "string" ? { mode: "100644", content: Buffer.from(content, "utf8") } : content;
}

/** The text of a file when it is text: UTF-8 without NUL bytes; undefined for binary content. */
export function textOf(file: GitFile): string | undefined {
  const bytes = file.content;
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Whether two git files are the same: mode and bytes. */
export function sameGitFile(a: GitFile, b: GitFile): boolean {
  return a.mode === b.mode && Buffer.compare(a.content, b.content) === 0;
}
