/** `forklift find`: where an ast-grep pattern or rule matches, as a table of counts or as JSON sites. */
import type { Command } from "commander";
import { ForkliftError } from "../../../../shared/errors.ts";
import { findSites } from "../../../targets/find-sites.ts";
import type { FindResult } from "../../../targets/find-sites.ts";
import { loadRuleFile, ruleFromPattern } from "../../../targets/load-rules.ts";
import type { TargetRule } from "../../../targets/target-rule.ts";

/** The options `forklift find` takes. */
export interface FindCommandOptions {
  pattern?: string;
  rule?: string;
  lang?: string;
  json?: boolean;
  includeIgnored?: boolean;
}

/** Adds `forklift find` to the program. */
export function registerFindCommand(program: Command): void {
  program
    .command("find")
    .description("count (or list, with --json) the sites an ast-grep pattern or YAML rule matches in one or many repositories")
    .argument("<paths...>", "repository directories to scan")
    .option("-p, --pattern <pattern>", "an ast-grep pattern, e.g. 'console.log($$$ARGS)'")
    .option("-r, --rule <file>", "an ast-grep YAML rule file (several rules may be separated by ---)")
    .option("-l, --lang <language>", "language of the pattern: ts, tsx or js (default: every one it parses in)")
    .option("--json", "print the sites (ranges, text, captured metavariables) as JSON")
    .option("--include-ignored", "also scan git-ignored files and node_modules")
    .action(async (paths: string[], options: FindCommandOptions) => {
      const { output } = await runFind(paths, options);
      process.stdout.write(output);
    });
}

/** What the command does, without printing: rules from the options, the search, the formatted output. */
export async function runFind(paths: string[], options: FindCommandOptions): Promise<{ rules: TargetRule[]; result: FindResult; output: string }> {
  const rules = await rulesFrom(options);
  const result = await findSites(rules, paths, { includeIgnored: options.includeIgnored === true });
  const output = options.json ? `${JSON.stringify(toJson(rules, result), null, 2)}\n` : formatTable(rules, result);
  return { rules, result, output };
}

async function rulesFrom(options: FindCommandOptions): Promise<TargetRule[]> {
  if ((options.pattern === undefined) === (options.rule === undefined)) {
    throw new ForkliftError("invalid-input", "give either --pattern or --rule (not both)");
  }
  if (options.pattern !== undefined) return [ruleFromPattern(options.pattern, options.lang === undefined ? {} : { language: options.lang })];
  if (options.lang !== undefined) throw new ForkliftError("invalid-input", "--lang goes with --pattern; a rule file names its language itself");
  return loadRuleFile(options.rule!);
}

/** The table: one row per repository, its files indented below it with their counts, then totals. */
export function formatTable(rules: readonly TargetRule[], result: FindResult): string {
  const rows: [string, number][] = [];
  let files = 0;
  let sites = 0;
  let scanned = 0;
  let skipped = 0;
  for (const repository of [...result.repositories].sort((a, b) => compare(a.path, b.path))) {
    const perFile = countBy(repository.sites.map((site) => site.file));
    rows.push([repository.path, repository.sites.length]);
    for (const [file, count] of [...perFile].sort(([a], [b]) => compare(a, b))) rows.push([`  ${file}`, count]);
    files += perFile.size;
    sites += repository.sites.length;
    scanned += repository.filesScanned;
    skipped += repository.filesSkipped.length;
  }
  const width = Math.max("REPOSITORY / FILE".length, ...rows.map(([label]) => label.length));
  const line = (label: string, count: number | string): string => `${label.padEnd(width)}  ${String(count).padStart(7)}\n`;
  let out = line("REPOSITORY / FILE", "SITES");
  for (const [label, count] of rows) out += line(label, count);
  out += line("TOTAL", sites);
  if (rules.length > 1) {
    const perRule = countBy(result.repositories.flatMap((repository) => repository.sites.map((site) => site.ruleId)));
    for (const rule of rules) out += line(`  rule ${rule.id}`, perRule.get(rule.id) ?? 0);
  }
  const repositories = result.repositories.length;
  out += `\n${plural(sites, "site")} in ${plural(files, "file")} of ${plural(repositories, "repository", "repositories")}; ${plural(scanned, "file")} scanned`;
  out += skipped > 0 ? `, ${skipped} skipped as too large (over 3 MB and 200,000 lines)\n` : "\n";
  return out;
}

function toJson(rules: readonly TargetRule[], result: FindResult) {
  const all = result.repositories.flatMap((repository) => repository.sites);
  return {
    rules: rules.map((rule) => rule.id),
    totals: {
      sites: all.length,
      files: new Set(all.map((site) => `${site.repository}\0${site.file}`)).size,
      filesScanned: result.repositories.reduce((sum, repository) => sum + repository.filesScanned, 0),
    },
    repositories: result.repositories.map((repository) => ({
      path: repository.path,
      filesScanned: repository.filesScanned,
      filesSkipped: repository.filesSkipped,
      sites: repository.sites.length,
      files: Object.fromEntries(countBy(repository.sites.map((site) => site.file))),
    })),
    sites: all,
  };
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
