import { parse } from "@ast-grep/napi";
import type { SgNode } from "@ast-grep/napi";
import { napiLanguage } from "./languages.ts";
import type { TargetLanguage } from "./languages.ts";

/**
 * Text a file must contain for a rule to match anywhere in it, as alternatives (at least one
 * must occur), or undefined when no such text is known. Lets a search skip reading the syntax of
 * most files, as ast-grep's own CLI does for patterns.
 *
 * Sound because ast-grep compares a pattern's named leaves (identifiers, string fragments) by
 * their text: a pattern needs its longest identifier-like leaf in the file; `all` needs any one
 * of its parts' texts; `any` needs one of its branches' texts (only if every branch has one);
 * `has`/`inside`/`precedes`/`follows` need their sub-rule's node in the same file; `matches`
 * needs its utility's text. `not`, `kind`, `regex`, pattern objects (a selector or strictness
 * can leave leaves out) give nothing.
 */
export function requiredText(rule: unknown, utils: Record<string, unknown> | undefined, language: TargetLanguage): string[] | undefined {
  const visiting = new Set<string>();
  const visit = (value: unknown): string[] | undefined => {
    if (typeof value !== "object" || value === null) return undefined;
    const parts: (string[] | undefined)[] = [];
    for (const [key, child] of Object.entries(value)) {
      if (key === "pattern" && typeof child === "string") parts.push(patternText(child, language));
      else if (key === "all" && Array.isArray(child)) parts.push(best(child.map(visit)));
      else if (key === "any" && Array.isArray(child)) {
        const branches = child.map(visit);
        parts.push(branches.length > 0 && branches.every((branch) => branch !== undefined) ? branches.flat() : undefined);
      } else if (["has", "inside", "precedes", "follows"].includes(key)) parts.push(visit(child));
      else if (key === "matches" && typeof child === "string" && utils?.[child] !== undefined && !visiting.has(child)) {
        visiting.add(child);
        parts.push(visit(utils[child]));
        visiting.delete(child);
      }
    }
    return best(parts);
  };
  return visit(rule);
}

/** Of several requirements that all hold, the most selective: a single text, the longest. */
function best(options: (string[] | undefined)[]): string[] | undefined {
  const known = options.filter((option): option is string[] => option !== undefined && option.length > 0);
  const score = (option: string[]): number => Math.min(...option.map((text) => text.length)) - (option.length - 1) * 100;
  return known.sort((a, b) => score(b) - score(a))[0];
}

function patternText(pattern: string, language: TargetLanguage): string[] | undefined {
  let longest = "";
  const walk = (node: SgNode): void => {
    if (node.isLeaf()) {
      const text = node.text();
      if (node.isNamed() && /^[A-Za-z_][A-Za-z0-9_]*$/.test(text) && text.length > longest.length) longest = text;
    } else node.children().forEach(walk);
  };
  walk(parse(napiLanguage[language], pattern).root());
  return longest === "" ? undefined : [longest];
}
