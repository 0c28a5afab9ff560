import type { SgNode } from "@ast-grep/napi";
import type { Metavariable } from "./metavariables.ts";

/** A position in a file: 1-based line and column (column in UTF-16 code units), and the 0-based offset. */
export interface SitePosition {
  line: number;
  column: number;
  offset: number;
}

/** A span of a file; `end` is just past the last character. */
export interface SiteRange {
  start: SitePosition;
  end: SitePosition;
}

/** A captured node: its text and where it is. */
export interface CapturedNode {
  text: string;
  range: SiteRange;
}

/** What a match captured: `$NAME` → one node; `$$$NAME` → the named nodes of the list (separators left out). */
export interface Captures {
  single: Record<string, CapturedNode>;
  multi: Record<string, CapturedNode[]>;
}

/** One place a rule matches. */
export interface Site {
  ruleId: string;
  /** The repository path as given (for in-memory trees, a caller-chosen label). */
  repository: string;
  /** Repository-relative POSIX path. */
  file: string;
  range: SiteRange;
  text: string;
  captures: Captures;
}

/** Converts a napi range (0-based lines and columns, UTF-16 index) to a {@link SiteRange}. */
export function siteRange(range: ReturnType<SgNode["range"]>): SiteRange {
  return {
    start: { line: range.start.line + 1, column: range.start.column + 1, offset: range.start.index },
    end: { line: range.end.line + 1, column: range.end.column + 1, offset: range.end.index },
  };
}

/** Builds a {@link Site} from a matched node, reading the rule's metavariables off it. */
export function siteFromNode(node: SgNode, ruleId: string, repository: string, file: string, metavariables: readonly Metavariable[]): Site {
  const captures: Captures = { single: {}, multi: {} };
  for (const { name, multi } of metavariables) {
    if (multi) {
      const nodes = node.getMultipleMatches(name).filter((captured) => captured.isNamed());
      if (nodes.length > 0) captures.multi[name] = nodes.map(captured);
    } else {
      const match = node.getMatch(name);
      if (match) captures.single[name] = captured(match);
    }
  }
  return { ruleId, repository, file, range: siteRange(node.range()), text: node.text(), captures };
}

function captured(node: SgNode): CapturedNode {
  return { text: node.text(), range: siteRange(node.range()) };
}
