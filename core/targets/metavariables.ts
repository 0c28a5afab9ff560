/** A metavariable a rule captures: `$NAME` (one node) or `$$$NAME` (a list of nodes). */
export interface Metavariable {
  name: string;
  multi: boolean;
}

// `$$$NAME` or `$NAME`/`$$NAME`; names are upper case, digits and underscores, as in ast-grep.
const token = /\$\$\$([A-Z_][A-Z0-9_]*)|\$\$?([A-Z_][A-Z0-9_]*)/g;

/** The capturing metavariables in a pattern or fix template (names starting with `_` do not capture). */
export function metavariablesIn(text: string): Metavariable[] {
  const found: Metavariable[] = [];
  for (const match of text.matchAll(token)) {
    const name = match[1] ?? match[2]!;
    if (!name.startsWith("_")) found.push({ name, multi: match[1] !== undefined });
  }
  return found;
}

/** Every pattern string in an ast-grep rule object (`pattern: "…"` or `pattern: { context: "…" }`), depth first. */
export function patternsIn(rule: unknown): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== "object" || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === "pattern" && typeof child === "string") found.push(child);
      else if (key === "pattern" && typeof child === "object" && child !== null && "context" in child && typeof child.context === "string") {
        found.push(child.context);
      } else visit(child);
    }
  };
  visit(rule);
  return found;
}

/** Replaces each metavariable token of a template by `replace(name, multi)`'s result. */
export function replaceMetavariables(template: string, replace: (name: string, multi: boolean) => string): string {
  return template.replace(token, (whole, multiName: string | undefined, singleName: string | undefined) => {
    const name = multiName ?? singleName!;
    return name.startsWith("_") ? whole : replace(name, multiName !== undefined);
  });
}
