import type { FileTree } from "../../../shared/file-changes.ts";
import { languageForPath } from "../../targets/index.ts";
import { gitText, runGit } from "./run-git.ts";

/** A repository's files at one commit, read from git's object store (the working tree is never read). */
export interface RepoSnapshot {
  readonly repoPath: string;
  readonly commit: string;
  /** Every file path at the commit. */
  paths(): Promise<readonly string[]>;
  /** A file's content at the commit, or undefined when it is not there. */
  read(path: string): Promise<string | undefined>;
  /** Every source file the target rules can parse (by extension), path → content. */
  sourceFiles(): Promise<FileTree>;
}

/** Opens the commit `commit` of the repository at `repoPath`; contents are read on demand and cached. */
export function openRepoSnapshot(repoPath: string, commit: string): RepoSnapshot {
  let listing: Promise<readonly string[]> | undefined;
  let sources: Promise<FileTree> | undefined;
  const cache = new Map<string, Promise<string | undefined>>();
  const paths = () =>
    (listing ??= runGit(repoPath, ["ls-tree", "-r", "-z", "--name-only", commit]).then((out) => out.toString("utf8").split("\0").filter(Boolean)));
  const read = (path: string) => {
    let content = cache.get(path);
    if (!content) {
      content = paths().then((all) => (all.includes(path) ? runGit(repoPath, ["cat-file", "blob", `${commit}:${path}`]).then((out) => out.toString("utf8")) : undefined));
      cache.set(path, content);
    }
    return content;
  };
  return {
    repoPath,
    commit,
    paths,
    read,
    sourceFiles: () =>
      (sources ??= paths().then(async (all) => {
        const tree: FileTree = {};
        for (const path of all.filter((p) => languageForPath(p) !== undefined && !p.split("/").includes("node_modules"))) {
          const content = await read(path);
          if (content !== undefined) tree[path] = content;
        }
        return tree;
      })),
  };
}

/** The commit HEAD points at. */
export function headCommit(repoPath: string): Promise<string> {
  return gitText(repoPath, ["rev-parse", "--verify", "HEAD^{commit}"]);
}
