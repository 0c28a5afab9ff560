import { parse } from "@ast-grep/napi";
import type { SgNode } from "@ast-grep/napi";
import type { FileTree } from "../../shared/file-changes.ts";
import { compileRule } from "./compile-rule.ts";
import { isTooLarge } from "./file-size-limit.ts";
import type { CompiledRule } from "./compile-rule.ts";
import { bySitePosition } from "./find-sites.ts";
import { languageForPath, napiLanguage } from "./languages.ts";
import { siteFromNode } from "./site.ts";
import type { Site } from "./site.ts";
import type { TargetRule } from "./target-rule.ts";

/** Finds where rules match in files held in memory (a node's file state); `repository` labels the sites. */
export function findSitesInTree(rules: readonly TargetRule[], files: FileTree, repository = "."): Site[] {
  const sites: Site[] = [];
  for (const rule of rules.map(compileRule)) {
    forEachMatch(rule, files, (file, nodes) => {
      for (const node of nodes) sites.push(siteFromNode(node, rule.id, repository, file, rule.metavariables));
    });
  }
  return sites.sort(bySitePosition);
}

/** How many sites the rules still match in these files: the search's measure of what is left to migrate. */
export function countSites(rules: readonly TargetRule[], files: FileTree): number {
  let count = 0;
  for (const rule of rules.map(compileRule)) {
    forEachMatch(rule, files, (_file, nodes) => {
      count += nodes.length;
    });
  }
  return count;
}

/**
 * Parses each file the rule applies to (by extension) and hands over its matches, files in path
 * order. Files outside the rule's `files`/`ignores`, or without its required text, are not
 * parsed; files too large are skipped.
 */
export function forEachMatch(rule: CompiledRule, files: FileTree, visit: (file: string, nodes: SgNode[]) => void): void {
  for (const file of Object.keys(files).sort()) {
    const language = languageForPath(file);
    if (language === undefined || !rule.languages.includes(language) || !rule.appliesTo(file)) continue;
    const content = files[file]!;
    if (rule.needles && !rule.needles.some((needle) => content.includes(needle))) continue;
    if (isTooLarge(content)) continue;
    const nodes = parse(napiLanguage[language], content).root().findAll(rule.matcher);
    if (nodes.length > 0) visit(file, nodes);
  }
}
