import { parse } from "@ast-grep/napi";
import type { SgNode } from "@ast-grep/napi";
import { ForkliftError } from "../../shared/errors.ts";
import type { FileChanges, FileTree } from "../../shared/file-changes.ts";
import { compileRule } from "./compile-rule.ts";
import type { CompiledFix, CompiledRule } from "./compile-rule.ts";
import { expandFix, indentAt } from "./expand-fix.ts";
import type { FixValue } from "./expand-fix.ts";
import { forEachMatch } from "./find-sites-in-tree.ts";
import { languageForPath, napiLanguage } from "./languages.ts";
import { siteFromNode } from "./site.ts";
import type { Site } from "./site.ts";
import { findSyntaxError } from "./syntax-error.ts";
import type { TargetRule } from "./target-rule.ts";

/** Options of {@link rewrite}. */
export interface RewriteOptions {
  /** Rewrite only the first N sites (by file path, then position, outer before nested). */
  limit?: number;
  /** Label for the sites' `repository` field. */
  repository?: string;
}

/** One fix alternative applied to the files: a candidate hypothesis. */
export interface RewriteHypothesis {
  fixId: string;
  template: string;
  /** The files this fix changes (only files whose text differs). */
  changes: FileChanges;
  /** The sites rewritten, with their ranges in the files before the change. */
  sites: Site[];
  /** Selected sites nested in a rewritten site but outside every metavariable its fix keeps: they vanish with it. */
  absorbed: Site[];
  /** Changed files that now have syntax errors their original did not have. */
  syntaxErrors: string[];
}

/** A match, with the matches nested inside it. Offsets are UTF-16 indexes into the file. */
interface MatchNode {
  start: number;
  end: number;
  site: Site;
  captures: Map<string, { start: number; end: number }>;
  /** A `$$$` capture widened to the whole inside of its brackets (when they hold line breaks), for templates that put it alone in brackets. */
  bracketed: Map<string, { start: number; end: number }>;
  children: MatchNode[];
  selected: boolean;
}

interface FileMatches {
  file: string;
  source: string;
  roots: MatchNode[];
  all: MatchNode[];
  /** Ranges of the file's multi-line template strings, whose whitespace is content. */
  templateStrings: { start: number; end: number }[];
}

/**
 * Applies each of a rule's fixes (`fix` and every entry of `fixes`) to every site, or to the
 * first `limit`, returning one hypothesis per fix. Nested matches compose: an inner site inside
 * a metavariable of an outer one is rewritten first and its result substituted into the outer
 * fix (`foo(foo(1))` with `foo($A)` → `bar($A)` gives `bar(bar(1))`). Metavariable values are
 * inserted byte for byte (see expandFix: only a template that moves them re-indents them, never a
 * multi-line template string), a `$$$` list alone in brackets keeps its line breaks, and the
 * template's own lines take the indentation of the site.
 */
export function rewrite(rule: TargetRule, files: FileTree, options: RewriteOptions = {}): RewriteHypothesis[] {
  const compiled = compileRule(rule);
  if (compiled.fixes.length === 0) throw new ForkliftError("invalid-input", `rule '${rule.id}' has no fix`);
  const limit = options.limit ?? Infinity;
  if (!(limit >= 0)) throw new ForkliftError("invalid-input", `rewrite limit must be 0 or more, not ${options.limit}`);
  const matches = collectMatches(compiled, files, options.repository ?? ".");
  let order = 0;
  for (const fileMatches of matches) for (const match of fileMatches.all) match.selected = order++ < limit;
  return compiled.fixes.map((fix) => applyFix(fix, matches));
}

function collectMatches(rule: CompiledRule, files: FileTree, repository: string): FileMatches[] {
  const result: FileMatches[] = [];
  forEachMatch(rule, files, (file, nodes) => {
    const source = files[file]!;
    const all = nodes
      .map((node) => matchNode(node, rule, repository, file, source))
      .sort((a, b) => a.start - b.start || b.end - a.end)
      .filter((match, index, sorted) => index === 0 || match.start !== sorted[index - 1]!.start || match.end !== sorted[index - 1]!.end);
    const roots: MatchNode[] = [];
    const open: MatchNode[] = [];
    for (const match of all) {
      while (open.length > 0 && open[open.length - 1]!.end <= match.start) open.pop();
      const parent = open[open.length - 1];
      (parent ? parent.children : roots).push(match);
      open.push(match);
    }
    result.push({ file, source, roots, all, templateStrings: multiLineTemplateStrings(nodes[0]!, source) });
  });
  return result;
}

/** The multi-line template strings of the file a node is in. */
function multiLineTemplateStrings(node: SgNode, source: string): { start: number; end: number }[] {
  if (!source.includes("`")) return [];
  return node
    .getRoot()
    .root()
    .findAll({ rule: { kind: "template_string" } })
    .map((found) => ({ start: found.range().start.index, end: found.range().end.index }))
    .filter((range) => source.slice(range.start, range.end).includes("\n"));
}

const closerOf: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/**
 * The inside of the brackets around a `$$$` capture, when only whitespace (and a trailing comma)
 * lies between them and it, and that whitespace breaks lines: `(\n  a,\n  b,\n)` keeps its layout
 * in `logger.info($$$ARGS)` instead of being joined onto one line.
 */
function bracketedSpan(source: string, start: number, end: number): { start: number; end: number } | undefined {
  let from = start;
  while (from > 0 && /\s/.test(source[from - 1]!)) from--;
  let to = end;
  while (to < source.length && /\s/.test(source[to]!)) to++;
  if (source[to] === ",") {
    to++;
    while (to < source.length && /\s/.test(source[to]!)) to++;
  }
  const opener = source[from - 1];
  if (opener === undefined || closerOf[opener] !== source[to]) return undefined;
  if (!`${source.slice(from, start)}${source.slice(end, to)}`.includes("\n")) return undefined;
  return { start: from, end: to };
}

function matchNode(node: SgNode, rule: CompiledRule, repository: string, file: string, source: string): MatchNode {
  const captures = new Map<string, { start: number; end: number }>();
  const bracketed = new Map<string, { start: number; end: number }>();
  for (const { name, multi } of rule.metavariables) {
    // ast-grep's $$$ list also holds the separating commas: only real nodes bound the span
    const nodes = multi ? node.getMultipleMatches(name).filter((found) => found.isNamed()) : [node.getMatch(name)].filter((found) => found !== null);
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    if (!first || !last) continue;
    const span = { start: first.range().start.index, end: last.range().end.index };
    captures.set(name, span);
    const inside = multi ? bracketedSpan(source, span.start, span.end) : undefined;
    if (inside) bracketed.set(name, inside);
  }
  const range = node.range();
  const site = siteFromNode(node, rule.id, repository, file, rule.metavariables);
  return { start: range.start.index, end: range.end.index, site, captures, bracketed, children: [], selected: false };
}

function applyFix(fix: CompiledFix, matches: FileMatches[]): RewriteHypothesis {
  const hypothesis: RewriteHypothesis = { fixId: fix.id, template: fix.template, changes: {}, sites: [], absorbed: [], syntaxErrors: [] };
  // `$$$NAME` alone in brackets in the template takes the whole inside of the source's brackets
  const alone = new Set([...fix.template.matchAll(/[([{]\$\$\$([A-Z_][A-Z0-9_]*)[)\]}]/g)].map((found) => found[1]!));
  for (const { file, source, roots, all, templateStrings } of matches) {
    const eol = source.includes("\r\n") ? "\r\n" : "\n";
    const rendered = new Set<MatchNode>();
    const renderRange = (from: number, to: number, candidates: MatchNode[]): string => {
      let out = "";
      let cursor = from;
      for (const match of candidates) {
        if (match.start < cursor || match.end > to) continue;
        out += source.slice(cursor, match.start) + renderMatch(match);
        cursor = match.end;
      }
      return out + source.slice(cursor, to);
    };
    const renderMatch = (match: MatchNode): string => {
      if (!match.selected) return renderRange(match.start, match.end, match.children);
      rendered.add(match);
      const value = (name: string): FixValue | undefined => {
        const span = (alone.has(name) ? match.bracketed.get(name) : undefined) ?? match.captures.get(name);
        if (!span) return undefined;
        const movable = !templateStrings.some((range) => range.start < span.end && range.end > span.start);
        return { text: renderRange(span.start, span.end, matchesWithin(match.children, span.start, span.end)), indent: indentAt(source, span.start), movable };
      };
      return expandFix(fix.template, value, { indent: indentAt(source, match.start), eol });
    };
    const after = renderRange(0, source.length, roots);
    for (const match of all) {
      if (match.selected) (rendered.has(match) ? hypothesis.sites : hypothesis.absorbed).push(match.site);
    }
    if (after === source) continue;
    hypothesis.changes[file] = after;
    if (hasSyntaxError(file, after) && !hasSyntaxError(file, source)) hypothesis.syntaxErrors.push(file);
  }
  return hypothesis;
}

/** The outermost matches inside [from, to), looking into matches that enclose the span. */
function matchesWithin(matches: MatchNode[], from: number, to: number): MatchNode[] {
  const found: MatchNode[] = [];
  for (const match of matches) {
    if (match.start >= from && match.end <= to) found.push(match);
    else if (match.start <= from && match.end >= to) found.push(...matchesWithin(match.children, from, to));
  }
  return found;
}

function hasSyntaxError(file: string, text: string): boolean {
  const language = languageForPath(file)!;
  return findSyntaxError(parse(napiLanguage[language], text).root()) !== undefined;
}
