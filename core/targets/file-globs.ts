/**
 * A rule's `files` and `ignores` as ast-grep reads them (its globset, separators not literal): a
 * rule applies to a repository-relative path that no `ignores` glob matches and, when `files` is
 * given, that one `files` glob matches. `*` and `?` also match `/`; `**` spans segments (`a/**\/b`
 * matches `a/b`); `{a,b}` alternates; `[ab]`, `[!ab]` are classes; `\` escapes. A glob is a
 * string or `{ glob, caseInsensitive }`.
 */
import { z } from "zod";

/** One glob of `files` or `ignores`. */
export const fileGlobSchema = z.union([z.string().min(1), z.strictObject({ glob: z.string().min(1), caseInsensitive: z.boolean().optional() })]);
/** See {@link fileGlobSchema}. */
export type FileGlob = z.infer<typeof fileGlobSchema>;

/** Whether a rule applies to a path, from its `files` and `ignores`. */
export type PathFilter = (path: string) => boolean;

/** The filter of a rule's globs (everything passes when it has neither); throws on a glob it cannot read. */
export function pathFilter(files: readonly FileGlob[] | undefined, ignores: readonly FileGlob[] | undefined): PathFilter {
  const included = files?.map(globRegex);
  const excluded = ignores?.map(globRegex) ?? [];
  return (path) => {
    const plain = path.replace(/^\.\//, "");
    if (excluded.some((regex) => regex.test(plain))) return false;
    return included === undefined || included.some((regex) => regex.test(plain));
  };
}

/** The anchored regular expression of one glob. */
export function globRegex(glob: FileGlob): RegExp {
  const { text, caseInsensitive } = typeof glob === "string" ? { text: glob, caseInsensitive: false } : { text: glob.glob, caseInsensitive: glob.caseInsensitive ?? false };
  return new RegExp(`^${translate(text.replace(/^\.\//, ""))}$`, caseInsensitive ? "i" : "");
}

function translate(glob: string): string {
  let out = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === "*") {
      if (glob[i + 1] === "*") {
        i++;
        if (glob[i + 1] === "/") {
          i++;
          out += "(?:.*/)?";
        } else out += ".*";
      } else out += ".*";
    } else if (char === "?") out += ".";
    else if (char === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) throw new Error(`unclosed [ in glob ${JSON.stringify(glob)}`);
      const body = glob.slice(i + 1, end);
      out += `[${body.startsWith("!") ? `^${escapeClass(body.slice(1))}` : escapeClass(body)}]`;
      i = end;
    } else if (char === "{") {
      braces++;
      out += "(?:";
    } else if (char === "}" && braces > 0) {
      braces--;
      out += ")";
    } else if (char === "," && braces > 0) out += "|";
    else if (char === "\\" && i + 1 < glob.length) out += escapeChar(glob[++i]!);
    else out += escapeChar(char);
  }
  if (braces > 0) throw new Error(`unclosed { in glob ${JSON.stringify(glob)}`);
  return out;
}

function escapeChar(char: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(char) ? `\\${char}` : char;
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, (char) => `\\${char}`);
}
