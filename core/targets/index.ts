/** Targets: structural search and rewrite with ast-grep rules (find sites, count what is left, rewrite hypotheses). */
export { targetRuleSchema } from "./target-rule.ts";
export type { TargetRule } from "./target-rule.ts";
export { loadRuleFile, parseRulesYaml, parseTargetRule, ruleFromPattern } from "./load-rules.ts";
export { compileRule } from "./compile-rule.ts";
export type { CompiledFix, CompiledRule } from "./compile-rule.ts";
export { findSites } from "./find-sites.ts";
export type { FindOptions, FindResult, RepositoryFindResult } from "./find-sites.ts";
export { countSites, findSitesInTree } from "./find-sites-in-tree.ts";
export { rewrite } from "./rewrite.ts";
export type { RewriteHypothesis, RewriteOptions } from "./rewrite.ts";
export { listSourceFiles } from "./list-source-files.ts";
export type { ListFilesOptions } from "./list-source-files.ts";
export { languageForPath, parseLanguageName, targetLanguages } from "./languages.ts";
export type { TargetLanguage } from "./languages.ts";
export type { CapturedNode, Captures, Site, SitePosition, SiteRange } from "./site.ts";
