import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { ForkliftError } from "../../shared/errors.ts";
import type { GitFileChanges } from "../patches/index.ts";
import { checkIgnoredPaths } from "../sandbox/index.ts";
import { loadSpec } from "../spec/load-spec.ts";
import { specFieldError } from "../spec/spec-field-error.ts";
import type { Spec } from "../spec/spec-schema.ts";
import { gitText, runGit } from "../search/repo/run-git.ts";
import { headCommit } from "../search/repo/repo-snapshot.ts";
import { escapingLinks } from "../search/repo/escaping-links.ts";
import { workingTreeChanges } from "../search/repo/working-tree-changes.ts";

/** What a new session starts from, checked. */
export interface StartInput {
  readonly spec: Spec;
  readonly specText: string;
  readonly specPath: string;
  readonly repoPath: string;
  readonly rootCommit: string;
  /** The uncommitted work taken in (with --allow-dirty), as exact bytes and modes. */
  readonly rootChanges: GitFileChanges;
  /** What the session leaves out, one line each, to show before it starts. */
  readonly warnings: readonly string[];
}

/**
 * Reads and validates the spec (every rule compiled), checks the repository (exists, is git, has a
 * commit), the Dockerfile the spec names, and its working tree: uncommitted work is refused unless
 * `allowDirty`, then it becomes the root's changes, read as bytes, symlinks kept as links (one
 * leading out of the repository is refused). Committed symlinks that lead out are left out of
 * sandboxes, with a warning. Nothing is written anywhere.
 */
export async function prepareStart(specPath: string, repoPath: string, allowDirty: boolean): Promise<StartInput> {
  const absoluteSpec = path.resolve(specPath);
  const spec = await loadSpec(absoluteSpec);
  const specText = await readFile(absoluteSpec, "utf8");
  const repo = path.resolve(repoPath);
  const info = await stat(repo).catch(() => undefined);
  if (!info?.isDirectory()) throw new ForkliftError("repo-missing", `repository ${repo} does not exist or is not a directory: check --repo`);
  const top = await gitText(repo, ["rev-parse", "--show-toplevel"]).catch(() => undefined);
  if (top === undefined) throw new ForkliftError("repo-not-git", `${repo} is not a git repository: run \`git init\` and commit there first`);
  const rootCommit = await headCommit(top).catch(() => {
    throw new ForkliftError("repo-not-git", `${top} has no commit yet: commit the code to migrate first`);
  });
  await requireDockerfile(spec, specText, absoluteSpec, top);
  const dirty = await dirtyPaths(top);
  if (dirty.length > 0 && !allowDirty) {
    const shown = dirty.slice(0, 3).join(", ") + (dirty.length > 3 ? ` and ${dirty.length - 3} more` : "");
    throw new ForkliftError("repo-dirty", `${top} has uncommitted changes (${shown}): commit or stash them, or pass --allow-dirty to migrate them too`);
  }
  const { changes, skipped } = dirty.length > 0 ? await workingTreeChanges(top) : { changes: {}, skipped: [] };
  const links = await escapingLinks(top, rootCommit);
  const warnings = [
    ...skipped.map((what) => `${top}: not included: ${what}`),
    ...links.map((link) => `${top}: ${link.path} is a symlink to ${link.target}, outside the repository: sandboxes do not get it`),
  ];
  await checkIgnoredPaths(top, spec.sandbox.copyIgnored);
  return { spec, specText, specPath: absoluteSpec, repoPath: top, rootCommit, rootChanges: changes, warnings };
}

/** The paths with uncommitted work, as git status lists them (nothing is read yet: a dirty repository without --allow-dirty is refused first). */
async function dirtyPaths(repo: string): Promise<string[]> {
  const out = (await runGit(repo, ["status", "--porcelain=v1", "-z", "--untracked-files=all"])).toString("utf8");
  const paths: string[] = [];
  const entries = out.split("\0");
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    paths.push(entry.slice(3));
    if (/^[RC]/.test(entry)) i++;
  }
  return paths;
}

/** A spec that builds its image from a Dockerfile needs that file in the repository (checked before anything is created). */
async function requireDockerfile(spec: Spec, specText: string, specPath: string, repo: string): Promise<void> {
  const base = spec.sandbox.base;
  if (base.kind !== "dockerfile") return;
  const field = ["sandbox", "dockerfile"];
  const wanted = path.resolve(repo, base.path);
  const real = await realpath(wanted).catch(() => undefined);
  const info = real && (await stat(real).catch(() => undefined));
  if (!real || !info) throw specFieldError(specPath, specText, field, `${base.path} does not exist in ${repo}: name a Dockerfile relative to the repository root`);
  const root = await realpath(repo);
  if (path.relative(root, real).startsWith("..") || path.isAbsolute(path.relative(root, real))) {
    throw specFieldError(specPath, specText, field, `${base.path} is outside the repository ${repo}: the Dockerfile must be inside it (it is the build context)`);
  }
  if (!info.isFile()) throw specFieldError(specPath, specText, field, `${base.path} is not a file: name the Dockerfile itself`);
}
