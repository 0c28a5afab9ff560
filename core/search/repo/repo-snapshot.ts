import type { FileTree } from "../../../shared/file-changes.ts";
import type { GitFile, GitFileMode } from "../../patches/index.ts";
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
  /** A file at the commit as git has it (exact bytes and mode; a symlink as its target), or undefined. */
  readFile(path: string): Promise<GitFile | undefined>;
  /** Every source file the target rules can parse (by extension), path → content. */
  sourceFiles(): Promise<FileTree>;
}

/** Opens the commit `commit` of the repository at `repoPath`; contents are read on demand and cached. */
export function openRepoSnapshot(repoPath: string, commit: string): RepoSnapshot {
  let listing: Promise<Map<string, GitFileMode>> | undefined;
  let sources: Promise<FileTree> | undefined;
  const cache = new Map<string, Promise<GitFile | undefined>>();
  const modes = () =>
    (listing ??= runGit(repoPath, ["ls-tree", "-r", "-z", "--full-tree", commit]).then((out) => {
      const byPath = new Map<string, GitFileMode>();
      for (const line of out.toString("utf8").split("\0")) {
        const tab = line.indexOf("\t");
        const mode = line.slice(0, 6);
        if (tab > 0 && (mode === "100644" || mode === "100755" || mode === "120000")) byPath.set(line.slice(tab + 1), mode);
      }
      return byPath;
    }));
  const paths = async () => [...(await modes()).keys()];
  const readFile = (path: string) => {
    let file = cache.get(path);
    if (!file) {
      file = modes().then((all) => {
        const mode = all.get(path);
        return mode === undefined ? undefined : runGit(repoPath, ["cat-file", "blob", `${commit}:${path}`]).then((content) => ({ mode, content }));
      });
      cache.set(path, file);
    }
    return file;
  };
  // a symlink is not text to read as a file (its target would be taken for code)
  const read = async (path: string) => {
    const file = await readFile(path);
    return file === undefined || file.mode === "120000" ? undefined : Buffer.from(file.content).toString("utf8");
  };
  return {
    repoPath,
    commit,
    paths,
    read,
    readFile,
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
