import { statSync } from "node:fs";
import { resolve } from "node:path";
import { ForkliftError } from "../../shared/errors.ts";
import { compileRule } from "./compile-rule.ts";
import { findInFilesComplete } from "./find-in-files-complete.ts";
import { languageForPath } from "./languages.ts";
import type { TargetLanguage } from "./languages.ts";
import { listSourceFiles } from "./list-source-files.ts";
import type { ListFilesOptions } from "./list-source-files.ts";
import { prefilterFiles } from "./prefilter-files.ts";
import { siteFromNode } from "./site.ts";
import type { Site } from "./site.ts";
import type { TargetRule } from "./target-rule.ts";

/** One repository's part of a {@link FindResult}. */
export interface RepositoryFindResult {
  /** The path as given. */
  path: string;
  /** Source files considered (in any of the rules' languages), skipped ones included. */
  filesScanned: number;
  /** Files left out as too large to scan (generated bundles; see file-size-limit.ts). */
  filesSkipped: string[];
  /** Its sites, by file then position (outer before nested). */
  sites: Site[];
}

/** What {@link findSites} found, per repository. */
export interface FindResult {
  repositories: RepositoryFindResult[];
}

/** Options of {@link findSites}. */
export type FindOptions = ListFilesOptions;

/** Where a file came from: its repository (index) and repository-relative path. */
interface Owner {
  repository: number;
  file: string;
  language: TargetLanguage;
}

/**
 * Finds where rules match across one or many repositories on disk. Files are chosen by
 * {@link listSourceFiles} and each rule's `files`/`ignores` (relative to each repository); files
 * without a rule's required text are dropped after a byte scan;
 * the rest are read, parsed and matched by napi in parallel native threads, each with the
 * grammar of its extension. Nested matches are all reported, as ast-grep does.
 */
export async function findSites(rules: readonly TargetRule[], repositories: readonly string[], options: FindOptions = {}): Promise<FindResult> {
  const compiled = rules.map(compileRule);
  const owners = new Map<string, Owner>();
  const results: RepositoryFindResult[] = [];
  for (const [index, repository] of repositories.entries()) {
    const root = resolve(repository);
    if (!isDirectory(root)) throw new ForkliftError("not-found", `not a directory: ${repository}`);
    let scanned = 0;
    for (const file of await listSourceFiles(root, options)) {
      const absolute = `${root}/${file}`;
      const language = languageForPath(file)!;
      if (owners.has(absolute) || !compiled.some((rule) => rule.languages.includes(language))) continue;
      owners.set(absolute, { repository: index, file, language });
      scanned++;
    }
    results.push({ path: repository, filesScanned: scanned, filesSkipped: [], sites: [] });
  }
  const { candidates, tooLarge } = await prefilterFiles([...owners.keys()], compiled.map((rule) => rule.needles));
  for (const path of tooLarge) {
    const owner = owners.get(path)!;
    results[owner.repository]!.filesSkipped.push(owner.file);
  }
  const jobs = compiled.flatMap((rule, index) =>
    rule.languages.map((language) => {
      const paths = candidates[index]!.filter((path) => owners.get(path)!.language === language && rule.appliesTo(owners.get(path)!.file));
      return findInFilesComplete(language, paths, rule.matcher, (nodes) => {
        const owner = nodes[0] && owners.get(nodes[0].getRoot().filename());
        if (!owner) return;
        const result = results[owner.repository]!;
        for (const node of nodes) result.sites.push(siteFromNode(node, rule.id, result.path, owner.file, rule.metavariables));
      });
    }),
  );
  await Promise.all(jobs);
  for (const result of results) result.sites.sort(bySitePosition);
  return { repositories: results };
}

/** Orders sites by file, then start, then longer first (outer before nested), then rule. */
export function bySitePosition(a: Site, b: Site): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.range.start.offset - b.range.start.offset ||
    b.range.end.offset - a.range.end.offset ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
