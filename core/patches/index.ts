/** Patches: unified diffs in git's format from file states, and back. */
export { createPatch, createPatchFromChanges } from "./create-patch.ts";
export type { PatchOptions } from "./create-patch.ts";
export { sameGitFile, textOf, toGitFile } from "./git-file.ts";
export type { GitFile, GitFileChanges, GitFileMode, PatchContent, PatchTree } from "./git-file.ts";
export { parsePatch } from "./parse-patch.ts";
export { applyPatchToTree } from "./apply-patch-to-tree.ts";
export type { BinaryLiteral, FilePatch, FilePatchStatus, Hunk, HunkLine, ParsedPatch } from "./patch-types.ts";
export { linkStaysInside } from "./link-target.ts";
