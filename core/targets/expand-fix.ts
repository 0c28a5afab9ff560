import { replaceMetavariables } from "./metavariables.ts";

/** A metavariable's value for a fix: its (possibly already rewritten) text and the indentation of the line it starts on. */
export interface FixValue {
  text: string;
  indent: string;
}

/** Where a fix goes: the indentation of the matched node's first line and the file's line ending. */
export interface FixPlace {
  indent: string;
  eol: string;
}

/**
 * Expands a fix template so that the result sits in the source like hand-written code:
 * 1. a multi-line metavariable value keeps its own relative indentation, re-based on the
 *    indentation of the template line it is inserted into;
 * 2. every line of the result after the first gets the matched node's indentation;
 * 3. the template's own line breaks use the file's line ending (CRLF files stay CRLF).
 * Empty lines get no indentation. One trailing newline of the template (YAML `fix: |`) is dropped.
 * Unknown metavariables expand to nothing.
 */
export function expandFix(template: string, value: (name: string) => FixValue | undefined, place: FixPlace): string {
  const lines = template.replace(/\r?\n$/, "").split(/\r?\n/);
  const expanded = lines.map((line) => {
    const lineIndent = leadingWhitespace(line);
    return replaceMetavariables(line, (name) => {
      const found = value(name);
      return found === undefined ? "" : reindent(found.text, found.indent, lineIndent);
    });
  });
  return indentAfterFirst(expanded.join(place.eol), place.indent);
}

/** The whitespace a line starts with. */
export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** The indentation of the source line holding `offset`. */
export function indentAt(source: string, offset: number): string {
  return leadingWhitespace(source.slice(source.lastIndexOf("\n", offset - 1) + 1, offset));
}

function reindent(text: string, from: string, to: string): string {
  if (!text.includes("\n")) return text;
  const [first, ...rest] = text.split("\n");
  const moved = rest.map((line) => (line.trim() !== "" && line.startsWith(from) ? to + line.slice(from.length) : line));
  return [first, ...moved].join("\n");
}

function indentAfterFirst(text: string, indent: string): string {
  if (indent === "" || !text.includes("\n")) return text;
  const [first, ...rest] = text.split("\n");
  return [first, ...rest.map((line) => (line === "" || line === "\r" ? line : indent + line))].join("\n");
}
