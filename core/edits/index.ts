/** The SEARCH/REPLACE edit engine: parse a model's blocks, place them safely despite drift, apply them to files or a directory. */
export { parseEditBlocks } from "./parse-edit-blocks.ts";
export type { EditBlock, EditParseError, ParsedEdits } from "./edit-block.ts";
export { applyEdits, applyEditsExactUnique, applyEditText } from "./apply-edits.ts";
export { applyEditTextAsync } from "./apply-edit-text-async.ts";
export type { ApplyResult, BlockMatch } from "./apply-result.ts";
export type { BlockError, BlockFailure, Excerpt, LineSpan } from "./block-error.ts";
export type { FileLookup } from "./file-lookup.ts";
export { strategyNames } from "./strategies/strategy.ts";
export type { StrategyName } from "./strategies/strategy.ts";
export { checkRepoPath, deniedSegments } from "./repo-path-rules.ts";
export type { RepoPathCheck } from "./repo-path-rules.ts";
export { applyEditsToDirectory } from "./apply-edits-to-directory.ts";
export type { DirectoryApplyOptions, DirectoryApplyResult } from "./apply-edits-to-directory.ts";
export { resolveRepoPath, tryResolveRepoPath } from "./resolve-repo-path.ts";
export type { ResolvedRepoPath } from "./resolve-repo-path.ts";
