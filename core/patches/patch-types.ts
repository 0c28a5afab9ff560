/** The parsed form of a unified diff in git's format: what {@link parsePatch} returns and {@link applyPatchToTree} takes. */
export interface ParsedPatch {
  /** Free text before the first file (provenance, commit message); git apply ignores it. */
  header: string;
  files: FilePatch[];
}

/** What a file patch does to its file. */
export type FilePatchStatus = "added" | "deleted" | "modified" | "renamed";

/** One file's part of a patch. Paths are repository-relative POSIX paths, unquoted. */
export interface FilePatch {
  status: FilePatchStatus;
  /** The path before (undefined for an added file). */
  oldPath: string | undefined;
  /** The path after (undefined for a deleted file). */
  newPath: string | undefined;
  /** Rename similarity in percent, when the patch says. */
  similarity: number | undefined;
  hunks: Hunk[];
  /** Set for a `GIT binary patch`: the whole new content (forward literal). */
  binary: BinaryLiteral | undefined;
}

/** A binary file's new content, decoded from a `GIT binary patch` literal. */
export interface BinaryLiteral {
  content: Uint8Array;
}

/** One `@@ -oldStart,oldCount +newStart,newCount @@` block; starts are 1-based as in the header. */
export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  lines: HunkLine[];
}

/** A line of a hunk; `text` keeps its terminator unless the file ends without one there. */
export interface HunkLine {
  kind: "context" | "remove" | "add";
  text: string;
}
